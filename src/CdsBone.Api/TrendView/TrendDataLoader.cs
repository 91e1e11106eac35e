using System.Text.Json;
using CdsBone.Api.Discovery;
using CdsBone.Api.Options;
using CdsBone.Fhir.Client;
using CdsBone.Fhir.Prefetch;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Options;
using CdsBone.Rules.Picture;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.TrendView;

/// <summary>Why the page could not be built.</summary>
internal enum TrendLoadFailure
{
    /// <summary>The FHIR server refused the token (it expired or was revoked): relaunch.</summary>
    TokenRefused,
    /// <summary>Required data could not be had (server down, timeout, too large).</summary>
    DataUnavailable,
}

/// <summary>
/// Reads the session's patient from its FHIR server exactly as the patient-view hook would fetch its prefetch (the
/// service's templates, FHIR client, allow-list, timeouts, paging and size bounds, within the hook deadline), maps it with
/// the hooks' mapper and screens it with the same <see cref="ClinicalPicture"/> under the active ruleset.
/// </summary>
internal sealed class TrendDataLoader(
    DiscoveryDocument discovery, PrefetchResolver prefetch, ClinicalFactsMapper mapper, IOptions<RuleOptions> rules,
    IOptionsMonitor<CdsBoneOptions> service, TimeProvider clock, ILogger<TrendDataLoader> logger)
{
    private const string TemplateService = "anastrozole-patient-view";

    public async Task<(TrendReport? Report, TrendLoadFailure? Failure, string? Problem)> LoadAsync(TrendSession session, CancellationToken cancellationToken)
    {
        var templates = discovery.Find(TemplateService)?.PrefetchTemplates ?? throw new InvalidOperationException($"{DiscoveryDocument.FileName} has no {TemplateService}");
        using var context = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(StringComparer.Ordinal) { ["patientId"] = session.Patient }));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(service.CurrentValue.Hook.Deadline);
        var resolution = await prefetch.ResolveAsync(
            new PrefetchRequest(templates, context.RootElement, Prefetch: null, session.Iss, new AccessToken(session.AccessToken, session.ExpiresAt)), deadline.Token);

        var failed = resolution.Outcomes.Where(o => o.Source is PrefetchSource.Failed or PrefetchSource.Missing).ToList();
        if (failed.Any(o => o.Problem is { } p && (p.Contains("answered 401", StringComparison.Ordinal) || p.Contains("expired", StringComparison.Ordinal))))
        {
            return (null, TrendLoadFailure.TokenRefused, null);
        }

        var now = clock.GetUtcNow();
        var mapping = mapper.Map(new HookInput(HookTrigger.PatientView, null, [], resolution.Values));
        if (!mapping.IsComplete)
        {
            var keys = string.Join(",", mapping.Missing.Select(m => m.Key));
            TrendViewLog.DataUnavailable(logger, keys);
            var why = string.Join("; ", failed.Where(o => o.Problem is not null).Select(o => $"{o.Key}: {o.Problem}"));
            return (null, TrendLoadFailure.DataUnavailable, why.Length > 0 ? why : keys);
        }

        var facts = mapping.Facts!;
        var picture = new ClinicalPicture(new EvaluationRequest(HookTrigger.PatientView, facts, now), rules.Value);
        var medicationRequests = mapping.Values.FirstOrDefault(v => v.Key == PrefetchKeys.Medications)?.Resources ?? [];
        var courses = TherapyCourses.From(facts.Medications, medicationRequests);
        var charts = TrendSeriesBuilder.Build(picture, courses)
            .Select(chart => (chart, chart.PlottedCount > 0 ? TrendChartSvg.Render(chart, now) : null))
            .ToList();
        return (new TrendReport(facts.Patient, picture.Age, now, rules.Value.RulesetVersion, charts, courses, TrendAppContext.TryParse(session.AppContext)), null, null);
    }
}
