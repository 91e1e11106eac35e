using System.Text.Json;
using static CdsBone.Cli.Conformance.JsonShape;

namespace CdsBone.Cli.Conformance;

/// <summary>The discovery document's contract (CDS-HOOKS.md §1.B, items 6–10, and §1.A item 2).</summary>
internal static class DiscoveryContract
{
    public static IReadOnlyList<string> Problems(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("services", out var services) || services.ValueKind != JsonValueKind.Array)
        {
            return ["the body is not an object with a 'services' array (item 6)"];
        }

        var problems = new List<string>();
        var i = 0;
        foreach (var service in services.EnumerateArray())
        {
            var at = $"services[{i++}]";
            foreach (var required in new[] { "hook", "description", "id" })
            {
                if (!IsNonEmptyString(service, required))
                {
                    problems.Add($"{at}.{required} is missing (item 8)");
                }
            }

            if (service.TryGetProperty("prefetch", out var prefetch)
                && (prefetch.ValueKind != JsonValueKind.Object || prefetch.EnumerateObject().Any(t => t.Value.ValueKind != JsonValueKind.String)))
            {
                problems.Add($"{at}.prefetch is not an object of template strings (item 8)");
            }

            if (service.TryGetProperty("extension", out var extension) && extension.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}.extension is not an object (item 10)");
            }
        }

        problems.AddRange(NullOrEmpty(document, path => path == "$.services").Select(p => $"{p} is null or empty (item 2)"));
        return problems;
    }
}
