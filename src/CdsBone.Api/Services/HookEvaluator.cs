using CdsBone.Api.Cards;
using CdsBone.Api.CdsHooks;
using CdsBone.Api.Discovery;
using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using CdsBone.Api.Telemetry;
using CdsBone.Fhir.Client;
using CdsBone.Fhir.Prefetch;
using CdsBone.Rules.Evaluation;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Services;

/// <summary>
/// One hook call, after the request was read: FHIR to facts, the rules with "now" from the injected clock, cards, and
/// the service's mode (active, shadow, off). Errors come back as data; nothing here knows HTTP.
/// </summary>
public sealed class HookEvaluator(
    ClinicalFactsMapper mapper,
    PrefetchResolver prefetch,
    HookDeadline deadline,
    RuleEngine engine,
    CardAssembler cards,
    TimeProvider time,
    IOptionsMonitor<CdsBoneOptions> options,
    CdsMetrics metrics,
    ILogger<HookEvaluator> logger)
{
    /// <summary>Answers <paramref name="request"/> for <paramref name="service"/>, fetching missing prefetch within the deadline.</summary>
    public Task<HookAnswer> EvaluateAsync(CdsService service, CdsServiceRequest request, CancellationToken requestAborted) =>
        EvaluateAsync(service, request, record: true, requestAborted);

    /// <summary>The warm-up at start: the same path, not counted as traffic in metrics or hook logs.</summary>
    internal Task<HookAnswer> WarmUpAsync(CdsService service, CdsServiceRequest request, CancellationToken cancellationToken) =>
        EvaluateAsync(service, request, record: false, cancellationToken);

    private async Task<HookAnswer> EvaluateAsync(CdsService service, CdsServiceRequest request, bool record, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        var mode = options.CurrentValue.ModeOf(service.Id);
        var modeName = mode.ToString().ToLowerInvariant();
        if (mode == ServiceMode.Off)
        {
            Log.ServiceOff(logger, service.Id, request.HookInstance);
            return HookAnswer.NoCards;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["hookInstance"] = request.HookInstance, ["cdsService"] = service.Id });
        using var activity = HookTelemetry.Source.StartActivity($"CDS hook {service.Id}");
        activity?.SetTag("cds.service", service.Id);
        activity?.SetTag("cds.hook", service.Hook);
        activity?.SetTag("cds.mode", modeName);
        var (input, patientId, inputError) = HookInputReader.Read(service, request);
        if (inputError is not null)
        {
            return Rejected(service, inputError);
        }

        var now = time.GetUtcNow();

        // The deadline covers fetching, parsing and mapping the FHIR data (issue 12), not only the calls.
        using var budget = deadline.Start(requestAborted);
        var resolution = await prefetch.ResolveAsync(
            new PrefetchRequest(service.PrefetchTemplates, request.Context, request.Prefetch, request.FhirServer, TokenOf(request, now)), () => budget.Token);
        foreach (var outcome in record ? resolution.Outcomes : [])
        {
            metrics.Prefetch(service.Id, outcome.Key, outcome.Source.ToString().ToLowerInvariant());
        }

        // A deadline passed while fetching is reported per key (412 when required data is missing); one that passes
        // while mapping means the answer is too late to be used.
        var passedWhileFetching = budget.Passed;
        var mapping = mapper.Map(input! with { Prefetch = resolution.Values });
        if (!passedWhileFetching && budget.Passed)
        {
            return Rejected(service, new HookDeadlinePassed(options.CurrentValue.Hook.Deadline));
        }

        if (!mapping.IsComplete)
        {
            Log.RequiredDataUnavailable(logger, service.Id, request.HookInstance, string.Join(",", mapping.Missing.Select(m => m.Key)));
            var why = resolution.Outcomes.Where(o => o.Problem is not null).ToDictionary(o => o.Key, o => o.Problem!, StringComparer.Ordinal);
            return Rejected(service, new RequiredDataUnavailable(mapping.Missing, why));
        }

        var result = engine.Evaluate(new EvaluationRequest(service.Trigger, mapping.Facts!, now));
        var answer = cards.Assemble(result, mapping.Resources, patientId!);
        activity?.SetTag("cds.rule_ids", string.Join(",", result.Decisions.SelectMany(d => d.RuleIds).Distinct()));
        activity?.SetTag("cds.card_count", answer.Count);
        activity?.SetTag("cds.indicators", string.Join(",", result.Decisions.Select(d => d.Indicator.ToString().ToLowerInvariant())));
        var outline = record ? Record(service, request, modeName, result, answer, mapping.Facts!.InputIssues.Count) : null;
        return (mode == ServiceMode.Shadow ? HookAnswer.NoCards : HookAnswer.Cards(answer)) with { Outline = outline };
    }

    /// <summary>The client's token for its FHIR server, good until <c>expires_in</c> (clamped when parsed) from now; never logged.</summary>
    private static AccessToken? TokenOf(CdsServiceRequest request, DateTimeOffset now) =>
        request.FhirAuthorization is { AccessToken: { Length: > 0 } token } auth
            ? new AccessToken(token, auth.ExpiresIn is { } seconds ? now.AddSeconds(seconds) : null)
            : null;

    private HookAnswer Rejected(CdsService service, CdsError error)
    {
        Log.HookRejected(logger, service.Id, error.StatusCode, error.GetType().Name);
        return HookAnswer.Failed(error);
    }

    /// <summary>
    /// Counts the cards and returns what the call's one log line (written by the hook-call recorder with its status and
    /// duration) says of them; shadow mode also logs the cards it would have answered.
    /// </summary>
    private HookOutline? Record(CdsService service, CdsServiceRequest request, string mode, EvaluationResult result, IReadOnlyList<Card> answer, int inputIssues)
    {
        foreach (var decision in result.Decisions)
        {
            metrics.Card(service.Id, mode, decision.Recommendation.ToCode(), decision.Indicator.ToString().ToLowerInvariant());
        }

        if (!logger.IsEnabled(LogLevel.Information))
        {
            return null;
        }

        var ruleIds = string.Join(",", result.Decisions.SelectMany(d => d.RuleIds).Distinct());
        var indicators = string.Join(",", result.Decisions.Select(d => d.Indicator.ToString().ToLowerInvariant()));
        if (mode == "shadow")
        {
            var recommendations = string.Join(",", result.Decisions.Select(d => d.Recommendation.ToCode()));
            Log.ShadowCards(logger, service.Id, request.HookInstance, answer.Count, recommendations, ruleIds);
        }

        return new HookOutline(answer.Count, ruleIds, indicators, inputIssues);
    }
}
