using CdsBone.Api.CdsHooks;
using CdsBone.Api.Errors;

namespace CdsBone.Api.Services;

/// <summary>The outcome of a hook call: the response, or the error to answer with.</summary>
/// <param name="Response">The cards.</param>
/// <param name="Error">The error.</param>
public sealed record HookAnswer(CdsServiceResponse? Response, CdsError? Error)
{
    /// <summary>No cards.</summary>
    public static HookAnswer NoCards { get; } = new(new CdsServiceResponse([]), null);

    /// <summary>A success.</summary>
    public static HookAnswer Cards(IReadOnlyList<Card> cards) => new(new CdsServiceResponse(cards), null);

    /// <summary>A failure.</summary>
    public static HookAnswer Failed(CdsError error) => new(null, error);
}
