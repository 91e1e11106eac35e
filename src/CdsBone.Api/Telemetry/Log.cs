namespace CdsBone.Api.Telemetry;

/// <summary>
/// Source-generated log events with stable ids. They carry service ids, hook instances, rule ids, counts and codes:
/// never a patient identifier, a resource id, a value or a token (STYLE.md rule 10).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Shadow hook {ServiceId} {HookInstance} would have returned {CardCount} card(s): recommendations [{Recommendations}], rules [{RuleIds}]")]
    public static partial void ShadowCards(ILogger logger, string serviceId, string hookInstance, int cardCount, string recommendations, string ruleIds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Hook {ServiceId} {HookInstance} not evaluated: the service is off")]
    public static partial void ServiceOff(ILogger logger, string serviceId, string hookInstance);

    // Debug: the call's one line (1010) carries the status and the kind as its reason.
    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Hook {ServiceId} rejected with {StatusCode}: {ErrorKind}")]
    public static partial void HookRejected(ILogger logger, string serviceId, int statusCode, string errorKind);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Hook {ServiceId} {HookInstance}: required data unavailable for prefetch key(s) [{Keys}]")]
    public static partial void RequiredDataUnavailable(ILogger logger, string serviceId, string hookInstance, string keys);

    // One line per hook call, whatever answered it; an evaluated call adds its cards, rules and indicators (they were a
    // second line, event 1000, until ruleset 2026.12-1: one line is half the logging cost per hook).
    [LoggerMessage(EventId = 1010,
        Message = "Hook call {ServiceId} answered {StatusCode} in {DurationMs} ms ({Reason}): {CardCount} card(s), rules [{RuleIds}], indicators [{Indicators}], {InputIssueCount} input issue(s)")]
    public static partial void HookCall(
        ILogger logger, LogLevel level, string serviceId, int statusCode, double durationMs, string reason, int cardCount, string ruleIds, string indicators, int inputIssueCount);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Feedback for {ServiceId}: card {CardUuid} {Outcome}, override reason {OverrideReason}, rules [{RuleIds}], {AcceptedSuggestionCount} accepted suggestion(s)")]
    public static partial void FeedbackReceived(ILogger logger, string serviceId, string cardUuid, string outcome, string overrideReason, string ruleIds, int acceptedSuggestionCount);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Feedback for {ServiceId} rejected: {Problem}")]
    public static partial void FeedbackRejected(ILogger logger, string serviceId, string problem);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Client token refused on {Path}: {Reason} (iss {Issuer}, kid {Kid}, jti {Jti})")]
    public static partial void ClientRejected(ILogger logger, string reason, string issuer, string kid, string jti, string path);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Client authentication is OFF: any caller can invoke the CDS services. Set CdsBone:Auth:Required=true outside local development.")]
    public static partial void AuthenticationDisabled(ILogger logger);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Rate limit hit on {Path} for a {PartitionKind} client")]
    public static partial void RateLimited(ILogger logger, string path, string partitionKind);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Warm-up done: the example hook answered {CardCount} card(s); {Calls} call(s), repeated for {ElapsedMs} ms")]
    public static partial void WarmedUp(ILogger logger, int cardCount, int calls, long elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "The key set of trusted issuer {Issuer} could not be fetched from {JwksUri} at start: its tokens are refused until a later fetch succeeds (/readyz reports Degraded)")]
    public static partial void KeySetUnreachable(ILogger logger, string issuer, string jwksUri);

    [LoggerMessage(EventId = 1900, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    public static partial void UnhandledException(ILogger logger, string exceptionType, string path);
}
