using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;

namespace CdsBone.Rules.Picture;

/// <summary>Where an E2 value falls against the male limits (§5 Definitions: Male E2 limits, Comparators).</summary>
public enum EstradiolBand
{
    /// <summary>A bound that decides nothing (e.g. &lt;30, or &gt;x below the high limit).</summary>
    Indeterminate,
    /// <summary>Below the critical-low limit (S4).</summary>
    CriticalLow,
    /// <summary>Critical-low ≤ E2 &lt; low (S5).</summary>
    Low,
    /// <summary>Low ≤ E2 &lt; low-normal (A1).</summary>
    LowNormal,
    /// <summary>Low-normal ≤ E2 ≤ high limit (T6, N1).</summary>
    Normal,
    /// <summary>Above the high limit (T1, T2, T4).</summary>
    High,
}

/// <summary>The E2 results that decide (§5 Definitions: the deciding E2).</summary>
public sealed class EstradiolPicture
{
    private readonly RuleOptions _options;

    internal EstradiolPicture(IReadOnlyList<Screened<LabResult>> estradiols, ClinicalTime time, RuleOptions options)
    {
        _options = options;
        var inWindow = estradiols
            .Where(s => time.Within(s.Result.Effective, options.EstradiolWindowDays))
            .OrderByDescending(s => s.Result.Effective)
            .ToList();
        var usable = inWindow.Where(s => s.Usability == Usability.Usable).Select(s => s.Result).ToList();
        Deciding = usable.FirstOrDefault(r => r.Assay == AssayClass.Sensitive) ?? usable.FirstOrDefault();
        Pending = inWindow.FirstOrDefault(s => s.Usability == Usability.Pending)?.Result;
        Latest = usable.FirstOrDefault();

        // A low immunoassay value newer than the deciding sensitive one still counts: immunoassays over-read [E7].
        if (Deciding is { Assay: AssayClass.Sensitive } sensitive)
        {
            NewerLowImmunoassay = usable.FirstOrDefault(r =>
                r.Assay == AssayClass.Immunoassay && r.Effective > sensitive.Effective && IsBelow(r, options.MaleEstradiolLowPgMl));
        }

        Trend = estradiols
            .Where(s => s.Usability == Usability.Usable && s.Result.Assay == AssayClass.Sensitive
                && s.Result.Comparator == Comparator.None && time.Within(s.Result.Effective, options.TrendWindowDays))
            .Select(s => s.Result)
            .OrderByDescending(r => r.Effective)
            .ToList();
    }

    /// <summary>The deciding E2: the latest sensitive usable one within the window, else the latest usable one.</summary>
    public LabResult? Deciding { get; }

    /// <summary>The latest usable E2 within the window, whatever its assay.</summary>
    public LabResult? Latest { get; }

    /// <summary>An immunoassay E2 newer than the deciding sensitive one and below the low limit: it still fires S4/S5.</summary>
    public LabResult? NewerLowImmunoassay { get; }

    /// <summary>The latest pending E2 within the window.</summary>
    public LabResult? Pending { get; }

    /// <summary>Exact, usable, sensitive E2 results within the trend window, latest first (A2, T1).</summary>
    public IReadOnlyList<LabResult> Trend { get; }

    /// <summary>The male high limit for <paramref name="result"/>: the lab's range (male or unspecified), else the default.</summary>
    public decimal MaleHighLimit(LabResult result) =>
        result.ReferenceRanges.Where(r => r.AppliesTo is RangeAppliesTo.Male or RangeAppliesTo.Anyone && r.High is not null)
            .Select(r => r.High!.Value)
            .FirstOrDefault(_options.MaleEstradiolHighPgMl);

    /// <summary>The band of <paramref name="result"/> against the male limits.</summary>
    public EstradiolBand MaleBand(LabResult result)
    {
        if (result.Value is not { } value)
        {
            return EstradiolBand.Indeterminate;
        }

        var high = MaleHighLimit(result);
        if (result.IsUpperBound)
        {
            // "<x" is low, not x (D3): it counts for S4 when x ≤ 10, for S5 when x ≤ 20; a higher bound decides nothing.
            return value <= _options.MaleEstradiolCriticalLowPgMl ? EstradiolBand.CriticalLow
                : value <= _options.MaleEstradiolLowPgMl ? EstradiolBand.Low
                : EstradiolBand.Indeterminate;
        }

        if (result.IsLowerBound)
        {
            var aboveHigh = result.Comparator == Comparator.GreaterThan ? value >= high : value > high;
            return aboveHigh ? EstradiolBand.High : EstradiolBand.Indeterminate;
        }

        return value < _options.MaleEstradiolCriticalLowPgMl ? EstradiolBand.CriticalLow
            : value < _options.MaleEstradiolLowPgMl ? EstradiolBand.Low
            : value < _options.MaleEstradiolLowNormalPgMl ? EstradiolBand.LowNormal
            : value <= high ? EstradiolBand.Normal
            : EstradiolBand.High;
    }

    /// <summary>
    /// The result S4/S5 judge: the newer low immunoassay when there is one, else the deciding E2.
    /// </summary>
    public LabResult? ForSafetyRules => NewerLowImmunoassay ?? Deciding;

    private static bool IsBelow(LabResult result, decimal limit) =>
        result.Value is { } value && (result.IsUpperBound ? value <= limit : !result.IsLowerBound && value < limit);
}
