using System.Globalization;
using System.Text.Json;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Reads FHIR JSON elements without materialising Firely POCOs (the Observation fast path, docs/performance.md). Every
/// accessor checks the JSON kind first: a value of the wrong kind is absent, never an exception.
/// </summary>
internal static class Json
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd", "yyyy-MM", "yyyy",
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    public static IEnumerable<JsonElement> Objects(JsonElement element, string name) =>
        Array(element, name).Where(e => e.ValueKind == JsonValueKind.Object);

    /// <summary>A FHIR decimal: a JSON number; anything else is reported and absent.</summary>
    public static decimal? Decimal(JsonElement element, string name, List<CdsBone.Rules.Facts.InputIssue> issues, string location)
    {
        if (Property(element, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        issues.Add(new CdsBone.Rules.Facts.InputIssue($"{location}.{name}", $"'{name}' is not a decimal number"));
        return null;
    }

    /// <summary>A FHIR code: a JSON string; any other kind is reported at <paramref name="location"/> and absent.</summary>
    public static string? Code(JsonElement element, string name, List<CdsBone.Rules.Facts.InputIssue> issues, string location)
    {
        if (Property(element, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        issues.Add(new CdsBone.Rules.Facts.InputIssue($"{location}.{name}", $"'{name}' is not a code"));
        return null;
    }

    /// <summary>A JSON number as a decimal; anything else (or a number beyond decimal) is absent, silently.</summary>
    public static decimal? Number(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var number) ? number : null;

    /// <summary>A FHIR integer (positiveInt, unsignedInt); a fraction or anything else is absent, silently.</summary>
    public static int? Integer(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    /// <summary>A FHIR date (<c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>); a partial date counts from its start; unreadable is null.</summary>
    public static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>A FHIR dateTime or instant as an instant; a partial date counts from its start (UTC); unreadable is null.</summary>
    public static DateTimeOffset? DateTime(string? text) =>
        text is not null && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
