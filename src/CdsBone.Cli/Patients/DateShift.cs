using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CdsBone.Cli.Patients;

/// <summary>
/// Moves every FHIR date and dateTime in a JSON tree by a number of days (birth dates included, so ages and intervals
/// stay as written), the way <c>samples/redate.py</c> keeps the sample requests current. Partial dates (a year, a
/// year-month) and strings that only look like dates stay as they are.
/// </summary>
internal static partial class DateShift
{
    public static JsonNode? Apply(JsonNode? node, int days)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    o[name] = Apply(value?.DeepClone(), days);
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    a[i] = Apply(a[i]?.DeepClone(), days);
                }

                return a;
            case JsonValue v when v.TryGetValue<string>(out var text):
                return Shift(text, days) is { } moved ? JsonValue.Create(moved) : v;
            default:
                return node;
        }
    }

    /// <summary>The moved string, or null when it does not start with a full date.</summary>
    public static string? Shift(string text, int days)
    {
        var match = DatePrefix().Match(text);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + match.Groups["rest"].Value;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?<rest>(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DatePrefix();
}
