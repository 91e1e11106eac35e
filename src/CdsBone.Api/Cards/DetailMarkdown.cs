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

    /// <summary>
    /// Past this many results not used, the most recent are listed one by one and the rest grouped by analyte and
    /// reason with their count and date range (CLINICAL-RULES.md §5 Definitions: a long history must stay readable).
    /// </summary>
    public const int NotUsedListedOneByOne = 20;

    /// <summary>The "Not used" section: each result that was not used, with why; empty when every result was used.</summary>
    public static string NotUsed(IReadOnlyList<IgnoredResult> ignored)
    {
        ArgumentNullException.ThrowIfNull(ignored);
        if (ignored.Count == 0)
        {
            return string.Empty;
        }

        // Undated results sort last: their age cannot be told, so they are never "the most recent".
        var newestFirst = ignored.OrderByDescending(i => i.Evidence.Effective ?? DateTimeOffset.MinValue).ToList();
        var listed = newestFirst.Take(NotUsedListedOneByOne).Select(Ignored);
        var grouped = newestFirst.Skip(NotUsedListedOneByOne)
            .GroupBy(i => (i.Evidence.Analyte, i.Reason))
            .Select(Group);
        var md = new StringBuilder(Math.Min(ignored.Count, NotUsedListedOneByOne * 2) * 96);
        AppendList(md, "Not used", listed.Concat(grouped));
        return md.ToString();
    }

    private static string Group(IGrouping<(string Analyte, IgnoredReason Reason), IgnoredResult> group)
    {
        var dates = group.Select(i => i.Evidence.Effective).OfType<DateTimeOffset>().ToList();
        var span = dates.Count == 0 ? "no date"
            : dates.Min() == dates.Max() ? Date(dates.Min())
            : $"{Date(dates.Min())} to {Date(dates.Max())}";
        var count = group.Count();
        var results = count == 1 ? "1 more result" : string.Create(CultureInfo.InvariantCulture, $"{count} more results");
        var explanations = group.Select(i => i.Explanation).Distinct(StringComparer.Ordinal).Take(2).ToList();
        var why = explanations.Count == 1 ? explanations[0] : ReasonInWords(group.Key.Reason);
        return $"{group.Key.Analyte}: {results} ({span}): {why}";
    }

    private static string ReasonInWords(IgnoredReason reason) => reason switch
    {
        IgnoredReason.EnteredInError => "entered in error (D1)",
        IgnoredReason.Cancelled => "cancelled (D1)",
        IgnoredReason.UnmappableUnit => "unit not mappable to the canonical unit (D2)",
        IgnoredReason.FutureDate => "dated after now (D2)",
        IgnoredReason.NoDate => "no effective date",
        IgnoredReason.NoValue => "no numeric value",
        IgnoredReason.Implausible => "implausible after conversion (D4)",
        IgnoredReason.Pending => "pending (preliminary or registered)",
        IgnoredReason.UnknownStatus => "status unknown",
        IgnoredReason.Stale => "older than the look-back window",
        IgnoredReason.Superseded => "a later result decides",
        IgnoredReason.OtherAssayDecides => "immunoassay results; a sensitive estradiol decides",
        IgnoredReason.ForearmNotUsed => "forearm: central sites were measured, and they decide",
        IgnoredReason.EarlierStudy => "earlier DXA studies; the latest decides",
        _ => "no rule that applied needed them",
    };

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
