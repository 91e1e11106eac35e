using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Reads FHIR JSON elements without materialising Firely POCOs (ADR 0005, docs/performance.md). Every
/// accessor checks the JSON kind first: a value of the wrong kind is absent, never an exception. Property names are
/// UTF-8 literals (<c>"code"u8</c>): a string name would be transcoded on every lookup, and lookups are most of the mapping.
/// </summary>
internal static class Json
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd", "yyyy-MM", "yyyy",
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];

    /// <summary>
    /// The largest magnitude of a FHIR number CdsBone computes with. Real measurements, doses and periods are many
    /// orders of magnitude inside [<see cref="MinMagnitude"/>, <see cref="MaxMagnitude"/>]; keeping every number there
    /// keeps every product and ratio the rules form within decimal's range (no overflow, no division by ~0).
    /// </summary>
    public const decimal MaxMagnitude = 1e12m;

    /// <summary>The smallest non-zero magnitude CdsBone computes with (see <see cref="MaxMagnitude"/>).</summary>
    public const decimal MinMagnitude = 1e-12m;

    /// <summary>True when a number is zero or its magnitude lies within [<see cref="MinMagnitude"/>, <see cref="MaxMagnitude"/>].</summary>
    public static bool IsComputable(decimal value) => value == 0m || (Math.Abs(value) >= MinMagnitude && Math.Abs(value) <= MaxMagnitude);

    /// <summary>
    /// A JSON number as a decimal CdsBone can compute with: -0 becomes 0 (decimal keeps the sign of zero, and
    /// "is negative" checks would see it), and a number beyond decimal or outside <see cref="IsComputable"/> is absent.
    /// </summary>
    private static decimal? Computable(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && IsComputable(number)
            ? (number == 0m ? 0m : number)
            : null;

    public static JsonElement? Property(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement? Object(JsonElement element, ReadOnlySpan<byte> name) => AsObject(Property(element, name));

    public static string? String(JsonElement element, ReadOnlySpan<byte> name) => AsString(Property(element, name));

    public static JsonItems Array(JsonElement element, ReadOnlySpan<byte> name) => AsArray(Property(element, name));

    public static JsonItems Objects(JsonElement element, ReadOnlySpan<byte> name) => AsObjects(Property(element, name));

    /// <summary>An element already found (e.g. by <see cref="ObservationElements"/>) if it is an object.</summary>
    public static JsonElement? AsObject(JsonElement? value) => value is { ValueKind: JsonValueKind.Object } found ? found : null;

    /// <summary>An element already found, if it is a string.</summary>
    public static string? AsString(JsonElement? value) => value is { ValueKind: JsonValueKind.String } found ? found.GetString() : null;

    /// <summary>An element already found, if it is an array: its items.</summary>
    public static JsonItems AsArray(JsonElement? value) => new(value, objectsOnly: false);

    /// <summary>An element already found, if it is an array: its items that are objects.</summary>
    public static JsonItems AsObjects(JsonElement? value) => new(value, objectsOnly: true);

    /// <summary>
    /// A FHIR decimal: a JSON number; anything else is reported at <c>{resourceId}.{path}.{name}</c> and absent. The
    /// location is put together only when reported: read for every quantity of every Observation, it is rarely needed.
    /// </summary>
    public static decimal? Decimal(JsonElement element, ReadOnlySpan<byte> name, List<CdsBone.Rules.Facts.InputIssue> issues, string resourceId, string path)
    {
        if (Property(element, name) is not { } value)
        {
            return null;
        }

        if (Computable(value) is { } number)
        {
            return number;
        }

        var text = Encoding.UTF8.GetString(name);
        issues.Add(new CdsBone.Rules.Facts.InputIssue($"{resourceId}.{path}.{text}", value.ValueKind == JsonValueKind.Number
            ? $"'{text}' is outside the range CdsBone computes with ({MinMagnitude} to {MaxMagnitude})"
            : $"'{text}' is not a decimal number"));
        return null;
    }

    /// <summary>A FHIR code: a JSON string; any other kind is reported at <paramref name="location"/> and absent.</summary>
    public static string? Code(JsonElement element, ReadOnlySpan<byte> name, List<CdsBone.Rules.Facts.InputIssue> issues, string location)
    {
        if (Property(element, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        var text = Encoding.UTF8.GetString(name);
        issues.Add(new CdsBone.Rules.Facts.InputIssue($"{location}.{text}", $"'{text}' is not a code"));
        return null;
    }

    /// <summary>A JSON number as a decimal (as <see cref="Computable"/>); anything else is absent, silently.</summary>
    public static decimal? Number(JsonElement element, ReadOnlySpan<byte> name) =>
        Property(element, name) is { } value ? Computable(value) : null;

    /// <summary>A FHIR integer (positiveInt, unsignedInt); a fraction or anything else is absent, silently.</summary>
    public static int? Integer(JsonElement element, ReadOnlySpan<byte> name) =>
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

    /// <summary>
    /// The dateTime or instant property <paramref name="name"/>, as <see cref="DateTime(string?)"/> reads it. The common
    /// shape, a full time with its zone (<c>2025-05-01T08:00:00Z</c>, <c>…+02:00</c>), is parsed from the UTF-8 without
    /// allocating; every other shape goes through the exact formats.
    /// </summary>
    public static DateTimeOffset? Instant(JsonElement element, ReadOnlySpan<byte> name) => AsInstant(Property(element, name));

    /// <summary>An element already found, read as <see cref="Instant(JsonElement, ReadOnlySpan{byte})"/> reads a property.</summary>
    public static DateTimeOffset? AsInstant(JsonElement? found)
    {
        if (found is not { ValueKind: JsonValueKind.String } value)
        {
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        return IsFullTimeWithZone(raw[1..^1]) && value.TryGetDateTimeOffset(out var instant)
            ? instant.ToUniversalTime()
            : DateTime(value.GetString());
    }

    private static bool IsFullTimeWithZone(ReadOnlySpan<byte> text) =>
        text.Length >= 20 && text[10] == (byte)'T' && text[13] == (byte)':' && text[16] == (byte)':'
        && (text[^1] == (byte)'Z' || (text.Length >= 25 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':'));
}
