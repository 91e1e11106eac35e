namespace CdsBone.Api.CdsHooks;

/// <summary>Feedback (<see href="https://cds-hooks.hl7.org/2.0/#feedback"/>): <c>{"feedback": [...]}</c>.</summary>
/// <param name="Feedback">The entries.</param>
public sealed record FeedbackRequest(IReadOnlyList<FeedbackEntry> Feedback);

/// <summary>One card outcome.</summary>
/// <param name="Card">The card's uuid.</param>
/// <param name="Outcome"><c>accepted</c> or <c>overridden</c>.</param>
/// <param name="AcceptedSuggestions">The accepted suggestions' uuids.</param>
/// <param name="OverrideReason">Why it was overridden, when said.</param>
/// <param name="OutcomeTimestamp">When.</param>
public sealed record FeedbackEntry(
    string Card,
    string Outcome,
    IReadOnlyList<AcceptedSuggestion>? AcceptedSuggestions,
    OverrideReason? OverrideReason,
    DateTimeOffset? OutcomeTimestamp);

/// <summary>An accepted suggestion.</summary>
/// <param name="Id">The suggestion's uuid.</param>
public sealed record AcceptedSuggestion(string Id);

/// <summary>An override reason.</summary>
/// <param name="Reason">The chosen reason (a Coding; display may be absent, as the sandbox sends it).</param>
/// <param name="UserComment">Free text: never logged (it may hold patient data).</param>
public sealed record OverrideReason(Coding? Reason, string? UserComment);
