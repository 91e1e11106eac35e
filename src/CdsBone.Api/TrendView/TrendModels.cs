using CdsBone.Rules.Facts;

namespace CdsBone.Api.TrendView;

/// <summary>How a point's value reads: a value, or a bound ("&lt;5": the true value lies below; "&gt;100": above).</summary>
public enum PointKind
{
    /// <summary>An exact value.</summary>
    Value,
    /// <summary>&lt; or &lt;=: at most this.</summary>
    UpperBound,
    /// <summary>&gt; or &gt;=: at least this.</summary>
    LowerBound,
}

/// <summary>One result of a chart (and one row of its table).</summary>
/// <param name="Date">effective[x]; null when absent (listed, not plotted).</param>
/// <param name="Value">In the chart's canonical unit; null when the unit could not be converted (listed, not plotted).</param>
/// <param name="Series">Which line it belongs to: the assay class, the DXA site, "calculated".</param>
/// <param name="Kind">Value or bound.</param>
/// <param name="Received">The value as received, with its unit and comparator.</param>
/// <param name="Usable">Whether the rules may decide on it.</param>
/// <param name="Reason">Why not, when not.</param>
public sealed record TrendPoint(DateTimeOffset? Date, decimal? Value, string Series, PointKind Kind, string Received, bool Usable, string? Reason)
{
    /// <summary>True when the chart can place it (a date and a value in the canonical unit).</summary>
    public bool IsPlotted => Date is not null && Value is not null;
}

/// <summary>How a threshold band reads.</summary>
public enum BandSeverity
{
    /// <summary>Below a critical limit.</summary>
    Critical,
    /// <summary>Outside a limit the rules act on.</summary>
    Warning,
    /// <summary>A zone worth a look (low-normal E2, low bone mass).</summary>
    Caution,
}

/// <summary>A band of values the active ruleset acts on: from <paramref name="From"/> to <paramref name="To"/> (null: unbounded).</summary>
/// <param name="Label">What the band means, with its limits.</param>
/// <param name="From">Lower edge, canonical unit.</param>
/// <param name="To">Upper edge, canonical unit.</param>
/// <param name="Severity">How it reads.</param>
public sealed record ThresholdBand(string Label, decimal? From, decimal? To, BandSeverity Severity);

/// <summary>An aromatase-inhibitor or testosterone course, from its order.</summary>
/// <param name="Class">AI or testosterone.</param>
/// <param name="Label">The medication as ordered, e.g. "anastrozole 1 MG Oral Tablet".</param>
/// <param name="Dose">The dose as a prescriber writes it, when it could be read.</param>
/// <param name="Start">When the order started (its authoredOn, or its dosage bounds).</param>
/// <param name="End">When it ended; null while it runs (or when no end was recorded).</param>
/// <param name="Status">The order's status.</param>
public sealed record TherapyCourse(TherapyClass Class, string Label, string? Dose, DateTimeOffset Start, DateTimeOffset? End, TherapyStatus Status);

/// <summary>One chart: the results of one analyte (or DXA measure) with the ruleset's bands and the courses.</summary>
/// <param name="Id">A stable id for the page (<c>estradiol</c>, <c>t-score</c>…).</param>
/// <param name="Title">The analyte.</param>
/// <param name="Unit">The canonical unit (UCUM).</param>
/// <param name="Points">Every result, plotted or not.</param>
/// <param name="Bands">The ruleset's bands.</param>
/// <param name="BandSource">Where the bands' limits come from (ruleset or the lab's range).</param>
/// <param name="Courses">The AI and testosterone courses.</param>
public sealed record TrendChart(
    string Id, string Title, string Unit, IReadOnlyList<TrendPoint> Points, IReadOnlyList<ThresholdBand> Bands, string? BandSource, IReadOnlyList<TherapyCourse> Courses)
{
    /// <summary>The points the chart places.</summary>
    public int PlottedCount => Points.Count(p => p.IsPlotted);
}
