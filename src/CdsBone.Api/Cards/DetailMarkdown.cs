using System.Globalization;
using System.Text;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Api.Cards;

/// <summary>
/// The card detail (CLINICAL-RULES.md §6): one line per rule that fired, the advice, a table of the values used (as
/// received and converted, with dates, assay and status), what was not used and why, context lines, and the sources.
/// </summary>
internal static class DetailMarkdown
{
    /// <summary>The detail of <paramref name="decision"/>; <paramref name="notUsed"/> is its <see cref="NotUsed"/> section.</summary>
    public static string For(Decision decision, string rulesetVersion, string notUsed)
    {
        var md = new StringBuilder(1024);
        md.AppendLine("**Why**").AppendLine();
        foreach (var finding in decision.Findings)
        {
            Markdown.AppendEscaped(md.Append("- "), finding.Reason).AppendLine();
        }

        AppendList(md, "Advice", decision.Advice);
        AppendEvidence(md, decision.Evidence);
        md.Append(notUsed);
        AppendList(md, "Context", decision.Notes.Select(n => n.Text));

        var sources = decision.RuleIds.SelectMany(Citations.For).Distinct().ToList();
        if (sources.Count > 0)
        {
            md.AppendLine().AppendLine("**Sources**").AppendLine();
            foreach (var source in sources)
            {
                Markdown.AppendEscaped(md.Append("- [").Append(source.Key).Append("] "), source.Title).AppendLine();
            }
        }

        Markdown.AppendEscaped(md.AppendLine().Append("Rules: ").AppendJoin(", ", decision.RuleIds).Append(" · ruleset "), rulesetVersion);
        return md.ToString();
    }

    /// <summary>The "Not used" section: each result that was not used, with why; empty when every result was used.</summary>
    public static string NotUsed(IReadOnlyList<IgnoredResult> ignored)
    {
        ArgumentNullException.ThrowIfNull(ignored);
        if (ignored.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder(ignored.Count * 96);
        AppendList(md, "Not used", ignored.Select(Ignored));
        return md.ToString();
    }

    private static void AppendList(StringBuilder md, string heading, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (first)
            {
                md.AppendLine().Append("**").Append(heading).AppendLine("**").AppendLine();
                first = false;
            }

            Markdown.AppendEscaped(md.Append("- "), line).AppendLine();
        }
    }

    private static void AppendEvidence(StringBuilder md, IReadOnlyList<EvidenceItem> evidence)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("**Values used**").AppendLine();
        md.AppendLine("| Analyte | Value | As received | Date | Assay | Status |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var item in evidence)
        {
            Markdown.AppendEscaped(md.Append("| "), item.Analyte).Append(" | ");
            Markdown.AppendEscaped(md, Value(item.Comparator, item.Value, item.Unit)).Append(" | ");
            Markdown.AppendEscaped(md, Value(item.Comparator, item.ReceivedValue, item.ReceivedUnit ?? string.Empty)).Append(" | ");
            md.Append(Date(item.Effective)).Append(" | ");
            Markdown.AppendEscaped(md, item.Assay ?? "—").Append(" | ");
            Markdown.AppendEscaped(md, item.Status).AppendLine(" |");
        }
    }

    private static string Ignored(IgnoredResult ignored)
    {
        var e = ignored.Evidence;
        return $"{e.Analyte} {Value(e.Comparator, e.ReceivedValue, e.ReceivedUnit ?? string.Empty)} ({Date(e.Effective)}): {ignored.Explanation}";
    }

    private static string Value(Rules.Facts.Comparator comparator, decimal? value, string unit) =>
        value is { } v ? $"{Describe.Comparator(comparator)}{Describe.Number(v)} {(unit == "1" ? string.Empty : unit)}".TrimEnd() : "—";

    private static string Date(DateTimeOffset? effective) =>
        effective?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date";
}
