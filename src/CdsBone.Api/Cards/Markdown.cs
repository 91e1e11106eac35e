using System.Buffers;
using System.Text;

namespace CdsBone.Api.Cards;

/// <summary>
/// Escapes text for card Markdown. Clients render GFM and the reference sandbox renders raw HTML, so text that came
/// from the EHR (medication names, condition text) must never become markup.
/// </summary>
internal static class Markdown
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\r\n\\`*_[]|#");

    /// <summary>The escaped text; the text itself when there is nothing to escape.</summary>
    public static string Escape(string text) =>
        text.AsSpan().ContainsAny(Special) ? AppendEscaped(new StringBuilder(text.Length + 8), text).ToString() : text;

    /// <summary>Appends <paramref name="text"/> escaped, copying the runs between special characters whole.</summary>
    public static StringBuilder AppendEscaped(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var rest = text.AsSpan();
        while (rest.IndexOfAny(Special) is var at and >= 0)
        {
            builder.Append(rest[..at]);
            var c = rest[at];
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '\r' or '\n' => builder.Append(' '),
                _ => builder.Append('\\').Append(c),
            };
            rest = rest[(at + 1)..];
        }

        return builder.Append(rest);
    }
}
