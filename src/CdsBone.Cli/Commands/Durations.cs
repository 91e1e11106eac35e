using System.CommandLine.Parsing;
using System.Globalization;

namespace CdsBone.Cli.Commands;

/// <summary>Durations on the command line: <c>90s</c>, <c>5m</c>, <c>1h</c>, or a TimeSpan such as <c>00:05:00</c>.</summary>
internal static class Durations
{
    public static TimeSpan? Parse(string text)
    {
        if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    /// <summary>A System.CommandLine parser for duration options.</summary>
    public static TimeSpan Option(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Parse(text) is { } span)
        {
            return span;
        }

        result.AddError($"'{text}' is not a duration (e.g. 90s, 5m, 1h)");
        return default;
    }
}
