using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;

namespace CdsBone.Rules.Picture;

/// <summary>What the DXA results say (§5 Definitions: DXA, BMD change).</summary>
public sealed class BonePicture
{
    internal BonePicture(IReadOnlyList<Screened<DxaResult>> dxa, ClinicalTime time, RuleOptions options)
    {
        var usable = dxa
            .Where(s => s.Usability == Usability.Usable && time.Within(s.Result.Effective, options.DxaWindowDays))
            .Select(s => s.Result)
            .ToList();
        HasDxaInWindow = usable.Count > 0;
        HasRecentDxa = usable.Any(r => time.Within(r.Effective, options.RecentDxaForBoneMarkerDays));

        var scores = usable.Where(r => r.Measure is DxaMeasure.TScore or DxaMeasure.ZScore).ToList();
        if (scores.Count > 0)
        {
            var latestDate = scores.Max(r => r.Effective!.Value);
            var study = scores.Where(r => Math.Abs(ClinicalTime.DaysBetween(r.Effective!.Value, latestDate)) <= options.DxaStudyToleranceDays).ToList();
            LatestStudy = study;
            LowestT = Lowest(study, DxaMeasure.TScore);
            LowestZ = Lowest(study, DxaMeasure.ZScore);
        }

        (LargestLoss, DeviceMismatches) = FindBmdChanges(usable, options);
    }

    /// <summary>Any usable DXA result within the DXA window (M3, M4).</summary>
    public bool HasDxaInWindow { get; }

    /// <summary>Any usable DXA result within the A5 window (365 d).</summary>
    public bool HasRecentDxa { get; }

    /// <summary>The T- and Z-scores of the latest study (results within ±1 d of the latest DXA date).</summary>
    public IReadOnlyList<DxaResult> LatestStudy { get; } = [];

    /// <summary>The lowest T-score of the latest study: central sites, forearm only when no central site was measured.</summary>
    public DxaResult? LowestT { get; }

    /// <summary>The lowest Z-score of the latest study (same site rule).</summary>
    public DxaResult? LowestZ { get; }

    /// <summary>
    /// The results of <paramref name="measure"/> in the latest study that the lowest is taken over: the central sites,
    /// or the forearm when no central site was measured.
    /// </summary>
    public IReadOnlyList<DxaResult> ConsideredScores(DxaMeasure measure) => Considered(LatestStudy, measure);

    /// <summary>True when the latest study has Z-scores but no T-score: Z stands in for T (T1, N1, A4).</summary>
    public bool OnlyZScores => LowestT is null && LowestZ is not null;

    /// <summary>The largest BMD fall found between the latest BMD at a site and an earlier one, or null.</summary>
    public BmdChange? LargestLoss { get; }

    /// <summary>Pairs not compared because the reports name different densitometers.</summary>
    public IReadOnlyList<(DxaResult Earlier, DxaResult Latest)> DeviceMismatches { get; }

    /// <summary>
    /// Bone shown normal for T1/N1: lowest T ≥ the low-bone-mass limit, or with only Z-scores, lowest Z above the low-Z limit.
    /// </summary>
    public bool IsShownNormal(RuleOptions options) =>
        LowestT is { Value: { } t } ? t >= options.LowBoneMassTScore
        : LowestZ is { Value: { } z } && z > options.LowZScore;

    private static DxaResult? Lowest(IReadOnlyList<DxaResult> study, DxaMeasure measure) =>
        Considered(study, measure).OrderBy(r => r.Value).FirstOrDefault();

    private static List<DxaResult> Considered(IReadOnlyList<DxaResult> study, DxaMeasure measure)
    {
        var ofMeasure = study.Where(r => r.Measure == measure).ToList();
        var central = ofMeasure.Where(r => r.Site != BoneSite.Forearm).ToList();
        return central.Count > 0 ? central : ofMeasure;
    }

    private static (BmdChange?, IReadOnlyList<(DxaResult, DxaResult)>) FindBmdChanges(List<DxaResult> usable, RuleOptions options)
    {
        BmdChange? largest = null;
        var mismatches = new List<(DxaResult, DxaResult)>();
        var bySite = usable.Where(r => r.Measure == DxaMeasure.Bmd && r.Comparator == Comparator.None)
            .GroupBy(r => (r.Site, r.Laterality));
        foreach (var site in bySite)
        {
            var ordered = site.OrderByDescending(r => r.Effective).ToList();
            var latest = ordered[0];
            foreach (var earlier in ordered.Skip(1))
            {
                if (ClinicalTime.DaysBetween(earlier.Effective!.Value, latest.Effective!.Value) <= options.DxaStudyToleranceDays)
                {
                    continue;
                }

                if (earlier.Device is { } a && latest.Device is { } b && !string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
                {
                    mismatches.Add((earlier, latest));
                    continue;
                }

                var facilityLsc = latest.FacilityLeastSignificantChange ?? earlier.FacilityLeastSignificantChange;
                var change = new BmdChange(earlier, latest, earlier.Value!.Value - latest.Value!.Value,
                    facilityLsc ?? options.BmdLeastSignificantChangeGcm2, facilityLsc is not null);
                if (largest is null || change.FallGcm2 - change.LeastSignificantChangeGcm2 > largest.FallGcm2 - largest.LeastSignificantChangeGcm2)
                {
                    largest = change;
                }
            }
        }

        return (largest, mismatches);
    }
}
