using CdsBone.Api.CdsHooks;
using CdsBone.Api.Errors;

namespace CdsBone.Api.Services;

/// <summary>What the call's one log line says of an answered hook: counts and codes, never patient data.</summary>
/// <param name="CardCount">Cards answered (or that shadow mode would have answered).</param>
/// <param name="RuleIds">The rule ids on the cards, comma-separated.</param>
/// <param name="Indicators">The cards' indicators, comma-separated.</param>
/// <param name="InputIssueCount">Problems met reading the input.</param>
public sealed record HookOutline(int CardCount, string RuleIds, string Indicators, int InputIssueCount);

/// <summary>The outcome of a hook call: the response, or the error to answer with.</summary>
/// <param name="Response">The cards.</param>
/// <param name="Error">The error.</param>
public sealed record HookAnswer(CdsServiceResponse? Response, CdsError? Error)
{
    /// <summary>For the call's log line; null when nothing was evaluated.</summary>
    public HookOutline? Outline { get; init; }

    /// <summary>No cards.</summary>
    public static HookAnswer NoCards { get; } = new(new CdsServiceResponse([]), null);

    /// <summary>A success.</summary>
    public static HookAnswer Cards(IReadOnlyList<Card> cards) => new(new CdsServiceResponse(cards), null);

    /// <summary>A failure.</summary>
    public static HookAnswer Failed(CdsError error) => new(null, error);
}
