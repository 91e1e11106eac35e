using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsBone.Api.TrendView;

/// <summary>
/// What a card passes to the app in its SMART link's <c>appContext</c> (CDS Hooks 2.0 §Link) and the EHR hands back in
/// the token response: the card's identity and recommendation, nothing the card does not already say, and no patient
/// identifier or value (the patient comes from the launch itself).
/// </summary>
/// <param name="CardUuid">The card's uuid (feedback and logs name it).</param>
/// <param name="Recommendation">The recommendation code (<c>source.topic</c>), e.g. <c>reduce-dose</c>.</param>
/// <param name="RuleIds">The rules behind the card.</param>
/// <param name="RulesetVersion">The ruleset that decided.</param>
public sealed record TrendAppContext(
    [property: JsonPropertyName("cardUuid")] string CardUuid,
    [property: JsonPropertyName("recommendation")] string Recommendation,
    [property: JsonPropertyName("ruleIds")] IReadOnlyList<string> RuleIds,
    [property: JsonPropertyName("rulesetVersion")] string RulesetVersion)
{
    /// <summary>Longest appContext read back: a card's context is small; anything larger is not ours.</summary>
    public const int MaxLength = 2048;

    /// <summary>The JSON string a card link carries.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TrendViewJsonContext.Default.TrendAppContext);

    /// <summary>Reads an appContext; null when it is absent, too long or not one of ours (it is then ignored, not an error).</summary>
    public static TrendAppContext? TryParse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var context = JsonSerializer.Deserialize(json, TrendViewJsonContext.Default.TrendAppContext);
            return context is { CardUuid: not null, Recommendation: not null, RuleIds: not null, RulesetVersion: not null } ? context : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
