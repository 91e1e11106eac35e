using System.Text.Json;

namespace CdsBone.Cli.Conformance;

/// <summary>Small JSON shape tests shared by the discovery and card contract checks.</summary>
internal static class JsonShape
{
    public static bool IsNonEmptyString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsAbsoluteUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Paths of null or empty values (CDS-HOOKS.md §1.A item 2: none may be emitted), except those
    /// <paramref name="allowed"/> says the spec allows (e.g. <c>cards: []</c>).
    /// </summary>
    public static IReadOnlyList<string> NullOrEmpty(JsonElement element, Func<string, bool> allowed, string path = "$")
    {
        var found = new List<string>();
        Walk(element, path, allowed, found);
        return found;
    }

    private static void Walk(JsonElement element, string path, Func<string, bool> allowed, List<string> found)
    {
        var empty = element.ValueKind switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.String => element.GetString()!.Length == 0,
            JsonValueKind.Array => element.GetArrayLength() == 0,
            JsonValueKind.Object => !element.EnumerateObject().Any(),
            _ => false,
        };
        if (empty && !allowed(path))
        {
            found.Add(path);
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, $"{path}.{property.Name}", allowed, found);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{path}[{i++}]", allowed, found);
            }
        }
    }
}
