using System.Text.Json;
using System.Text.Json.Nodes;
using CdsBone.Fhir.Client;

namespace CdsBone.Cli.Ehr;

/// <summary>One prefetch key that could not be filled as asked, and why (reported to the user, not fatal).</summary>
/// <param name="Key">The prefetch key.</param>
/// <param name="Reason">Why.</param>
internal sealed record PrefetchProblem(string Key, string Reason);

/// <summary>
/// Fills a service's prefetch templates from a FHIR server with the service's own template rules
/// (<see cref="PrefetchTemplates"/>): a template whose tokens cannot be filled is left out (the key is absent), as
/// CDS Hooks 2.0 lets a client do.
/// </summary>
internal static class PrefetchFiller
{
    /// <summary>The relative query per key, or null for keys whose tokens the context cannot fill.</summary>
    public static IReadOnlyDictionary<string, string?> Render(IReadOnlyDictionary<string, string> templates, JsonObject context)
    {
        using var document = JsonDocument.Parse(context.ToJsonString());
        return templates.ToDictionary(t => t.Key, t => PrefetchTemplates.Render(t.Value, document.RootElement), StringComparer.Ordinal);
    }

    public static async Task<(JsonObject Prefetch, IReadOnlyList<PrefetchProblem> Problems)> FillAsync(
        IReadOnlyDictionary<string, string> templates, JsonObject context, FhirServer fhir, CancellationToken cancellationToken)
    {
        var prefetch = new JsonObject();
        var problems = new List<PrefetchProblem>();
        foreach (var (key, query) in Render(templates, context))
        {
            if (query is null)
            {
                problems.Add(new PrefetchProblem(key, "its template has a token the context cannot fill; left out"));
                continue;
            }

            var (value, problem) = await fhir.PrefetchAsync(query, cancellationToken);
            prefetch[key] = value;
            if (problem is not null)
            {
                problems.Add(new PrefetchProblem(key, problem));
            }
        }

        return (prefetch, problems);
    }
}
