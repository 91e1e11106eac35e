using CdsBone.Api.Cards;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;

namespace CdsBone.Api.Tests.Cards;

/// <summary>The "Not used" section stays readable: past 20 results, the rest grouped by analyte and reason (§5 Definitions).</summary>
public sealed class NotUsedSectionTests
{
    private static readonly DateTimeOffset Day0 = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UpToTwenty_AreListedOneByOne()
    {
        var ignored = Enumerable.Range(0, 20).Select(i => Stale("estradiol", i)).ToList();

        var section = DetailMarkdown.NotUsed(ignored);

        Assert.Equal(20, section.Split('\n').Count(l => l.StartsWith("- estradiol ", StringComparison.Ordinal)));
        Assert.DoesNotContain("more result", section, StringComparison.Ordinal);
    }

    [Fact]
    public void PastTwenty_TheMostRecentTwentyThenGroups()
    {
        var ignored = Enumerable.Range(0, 270).Select(i => Stale(i % 2 == 0 ? "estradiol" : "SHBG", i)).Reverse().ToList();

        var section = DetailMarkdown.NotUsed(ignored);
        var lines = section.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

        Assert.Equal(22, lines.Count);
        Assert.StartsWith("- estradiol 0 pg/mL (2025-06-01)", lines[0], StringComparison.Ordinal);
        Assert.Contains("- estradiol: 125 more results (2024-09-06 to 2025-05-12): older than 90 days", lines, StringComparer.Ordinal);
        Assert.Contains("- SHBG: 125 more results (2024-09-05 to 2025-05-11): older than 90 days", lines, StringComparer.Ordinal);
    }

    private static IgnoredResult Stale(string analyte, int daysAgo) => new(
        new EvidenceItem(analyte, null, daysAgo, "pg/mL", Comparator.None, daysAgo, "pg/mL", Day0.AddDays(-daysAgo), "final", null, $"Observation/{analyte}-{daysAgo}"),
        IgnoredReason.Stale, null, "older than 90 days");
}
