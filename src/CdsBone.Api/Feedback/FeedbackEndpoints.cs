using CdsBone.Api.Cards;
using CdsBone.Api.CdsHooks;
using CdsBone.Api.Discovery;
using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using CdsBone.Api.Services;
using CdsBone.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Feedback;

/// <summary>
/// <c>POST /cds-services/{id}/feedback</c>: card outcomes become a log event and a metric each (rule ids read from the
/// card uuid, outcome, override reason code); the user's comment is never recorded. Unknown card uuids are counted
/// as rule "unknown", not refused.
/// </summary>
internal static class FeedbackEndpoints
{
    private const string Unknown = "unknown";
    private const string None = "none";

    /// <summary>Any override reason code the cards do not offer: one label, so callers cannot create metric series.</summary>
    private const string Other = "other";

    /// <summary>Entries logged per request; the rest are counted in metrics only (a 1 MiB body must not write 40 MB of log).</summary>
    private const int MaxLoggedEntries = 20;

    private static readonly HashSet<string> OfferedReasons = [.. OverrideReasons.For("https://cdsbone.invalid").Select(c => c.Code)];

    public static RouteHandlerBuilder MapFeedback(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapPost("/cds-services/{id}/feedback", ReceiveAsync)
            .WithName("Feedback")
            .WithTags("CDS Hooks")
            .WithSummary("Report what happened to cards (accepted, overridden)")
            .Accepts<FeedbackRequest>("application/json")
            .Produces(StatusCodes.Status200OK)
            .Produces<OperationOutcomeSchema>(StatusCodes.Status400BadRequest, ErrorResponses.FhirJson)
            .Produces<OperationOutcomeSchema>(StatusCodes.Status404NotFound, ErrorResponses.FhirJson);
    }

    private static async Task<IResult> ReceiveAsync(
        string id, HttpRequest http, DiscoveryDocument discovery, IOptionsMonitor<CdsBoneOptions> options, CdsMetrics metrics,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("CdsBone.Feedback");
        if (discovery.Find(id) is null)
        {
            return ErrorResponses.ToResult(new UnknownService(id));
        }

        var (body, bodyError) = await RequestBody.ReadJsonAsync(http, options.CurrentValue.Limits.MaxRequestBytes, cancellationToken);
        using var received = body;
        var (feedback, error) = bodyError is null ? FeedbackParser.Parse(received!.Memory) : (null, bodyError);
        if (error is not null)
        {
            Log.FeedbackRejected(logger, id, error.GetType().Name);
            return ErrorResponses.ToResult(error);
        }

        var logged = 0;
        foreach (var entry in feedback!.Feedback)
        {
            var rules = CardId.TryRead(entry.Card, out var ruleIds, out _) ? ruleIds.Select(r => r.ToString()).ToList() : [Unknown];
            var reason = entry.OverrideReason?.Reason?.Code is { } code ? (OfferedReasons.Contains(code) ? code : Other) : None;
            var ruleList = string.Join(",", rules);
            if (logged++ < MaxLoggedEntries)
            {
                var card = Security.LogField.Of(entry.Card);
                Log.FeedbackReceived(logger, id, card, entry.Outcome, reason, ruleList, entry.AcceptedSuggestions?.Count ?? 0);
            }

            foreach (var rule in rules)
            {
                metrics.Feedback(id, rule, entry.Outcome, reason);
            }
        }

        return TypedResults.Ok();
    }
}
