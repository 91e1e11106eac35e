using CdsBone.Api.Discovery;
using CdsBone.Api.Options;
using CdsBone.Api.Security;
using CdsBone.Fhir.Client;
using CdsBone.Rules.Evaluation;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Telemetry;

/// <summary>The label values whose series exist from start (at zero).</summary>
/// <param name="Services">Each discovered service with its configured mode.</param>
/// <param name="HookOutcomes">Every outcome a hook call can have.</param>
/// <param name="Cards">Every recommendation and indicator pair.</param>
/// <param name="Prefetch">Every prefetch key of discovery with every way it can be satisfied.</param>
/// <param name="AuthRejections">Every reason a client token is refused.</param>
public sealed record MetricBaselineSeries(
    IReadOnlyList<(string Service, string Mode)> Services,
    IReadOnlyList<string> HookOutcomes,
    IReadOnlyList<(string Recommendation, string Indicator)> Cards,
    IReadOnlyList<(string Key, string Outcome)> Prefetch,
    IReadOnlyList<string> AuthRejections);

/// <summary>
/// At start, after the OpenTelemetry meter provider (registered before it) listens: creates the baseline series, so
/// that <c>/metrics</c> shows every hook outcome, card kind, prefetch outcome, auth rejection reason and FHIR call outcome
/// (per resource type the prefetch templates query) at zero. Histograms (hook duration) and feedback (its labels are the
/// rules and reasons of real cards) appear with their first event.
/// </summary>
internal sealed class MetricBaseline(DiscoveryDocument discovery, IOptionsMonitor<CdsBoneOptions> options, CdsMetrics metrics) : IHostedService
{
    /// <summary>Every status a hook call is answered with (CDS Hooks errors, auth, rate limit, server error), plus ok and off.</summary>
    public static readonly IReadOnlyList<string> HookOutcomes = ["ok", "off", "400", "401", "404", "412", "413", "415", "429", "500", "503"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var modes = discovery.Services.Select(s => (s.Id, options.CurrentValue.ModeOf(s.Id).ToString().ToLowerInvariant())).ToList();
        var cards = Enum.GetValues<Recommendation>().SelectMany(r => Enum.GetValues<Indicator>().Select(i => (r.ToCode(), i.ToString().ToLowerInvariant()))).ToList();
        var prefetch = discovery.Services.SelectMany(s => s.PrefetchTemplates.Keys).Distinct(StringComparer.Ordinal)
            .SelectMany(k => Enum.GetValues<PrefetchSource>().Select(p => (k, p.ToString().ToLowerInvariant()))).ToList();
        var auth = Enum.GetValues<AuthFailure>().Select(f => f.ToString()).ToList();
        metrics.Baseline(new MetricBaselineSeries(modes, HookOutcomes, cards, prefetch, auth));

        // The resource types the prefetch templates query ("Patient/{{context.patientId}}", "Observation?…").
        FhirTelemetry.Baseline(discovery.Services.SelectMany(s => s.PrefetchTemplates.Values)
            .Select(t => t.Split('/', '?')[0]).Where(Hl7.Fhir.Model.ModelInfo.IsKnownResource).Distinct(StringComparer.Ordinal));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
