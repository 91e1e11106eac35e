using System.Text;

namespace CdsBone.Api.Cards;

/// <summary>
/// Escapes text for card Markdown. Clients render GFM and the reference sandbox renders raw HTML, so text that came
/// from the EHR (medication names, condition text) must never become markup.
/// </summary>
internal static class Markdown
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '\r' or '\n' => builder.Append(' '),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' => builder.Append('\\').Append(c),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
