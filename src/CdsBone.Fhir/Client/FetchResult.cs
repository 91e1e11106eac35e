using System.Text.Json;

namespace CdsBone.Fhir.Client;

/// <summary>What one prefetch query returned: the resource or searchset Bundle (all pages merged), or why not.</summary>
/// <param name="Value">The JSON, when the call succeeded.</param>
/// <param name="Problem">Why it failed, in words safe to log and to return (no query, no token, no patient data).</param>
/// <param name="Pages">Pages read.</param>
public sealed record FetchResult(JsonElement? Value, string? Problem, int Pages)
{
    /// <summary>A failure.</summary>
    public static FetchResult Failed(string problem, int pages = 0) => new(null, problem, pages);
}
