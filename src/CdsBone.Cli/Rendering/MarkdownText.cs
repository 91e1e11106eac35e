using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CdsBone.Cli.Rendering;

/// <summary>
/// Renders the GitHub-flavoured Markdown of a card's detail readably in a terminal: tables as tables, headings in bold,
/// bullets, **bold**, `code` and links as "text (url)". Raw HTML is shown as text, never interpreted.
/// </summary>
internal static partial class MarkdownText
{
    public static IRenderable Render(string markdown)
    {
        var blocks = new List<IRenderable>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (IsTableRow(line) && i + 1 < lines.Length && IsSeparator(lines[i + 1].Trim()))
            {
                var rows = new List<string> { line };
                i += 2;
                while (i < lines.Length && IsTableRow(lines[i].TrimEnd()))
                {
                    rows.Add(lines[i++].TrimEnd());
                }

                i--;
                blocks.Add(Table(rows));
            }
            else
            {
                blocks.Add(new Markup(Line(line)));
            }
        }

        return new Rows(blocks);
    }

    /// <summary>One line of Markdown as Spectre markup.</summary>
    public static string Line(string line)
    {
        var heading = Heading().Match(line);
        if (heading.Success)
        {
            return $"[bold underline]{Inline(heading.Groups["text"].Value)}[/]";
        }

        var bullet = Bullet().Match(line);
        return bullet.Success ? $"{bullet.Groups["indent"].Value}• {Inline(bullet.Groups["text"].Value)}" : Inline(line);
    }

    /// <summary>The cells of a table row, without the outer pipes.</summary>
    public static IReadOnlyList<string> Cells(string row) =>
        [.. CellSplit().Split(row.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal))];

    private static Table Table(List<string> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in Cells(rows[0]))
        {
            table.AddColumn(new TableColumn(new Markup($"[bold]{Inline(header)}[/]")));
        }

        foreach (var row in rows.Skip(1))
        {
            var cells = Cells(row).Take(table.Columns.Count).Select(c => (IRenderable)new Markup(Inline(c))).ToList();
            while (cells.Count < table.Columns.Count)
            {
                cells.Add(Text.Empty);
            }

            table.AddRow(cells);
        }

        return table;
    }

    private static string Inline(string text)
    {
        var escaped = Markup.Escape(text);
        escaped = Link().Replace(escaped, m => $"{m.Groups["text"].Value} [blue]({m.Groups["url"].Value})[/]");
        escaped = Bold().Replace(escaped, m => $"[bold]{m.Groups["text"].Value}[/]");
        return Code().Replace(escaped, m => $"[grey]{m.Groups["text"].Value}[/]");
    }

    private static bool IsTableRow(string line) => line.TrimStart().StartsWith('|');

    private static bool IsSeparator(string line) => SeparatorRow().IsMatch(line);

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<indent>\s*)[-*+]\s+(?<text>.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Bullet();

    // After Markup.Escape, "[text](url)" reads "[[text]](url)".
    [GeneratedRegex(@"\[\[(?<text>[^\]]+)\]\]\((?<url>[^)\s]+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?<text>[^*]+)\*\*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Bold();

    [GeneratedRegex(@"`(?<text>[^`]+)`", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Code();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"(?<!\\)\|", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CellSplit();
}
