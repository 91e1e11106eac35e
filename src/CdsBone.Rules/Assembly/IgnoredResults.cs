using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Assembly;

/// <summary>
/// Every result that the cards do not show in a values table, with the reason (§5 Definitions): screened out (D1, D2,
/// D4, pending, no date), older than its window, or usable but not deciding (a later result, the other assay, the
/// forearm beside central sites, an earlier DXA study, or an analyte no rule that applied needed). Mechanical: each
/// recognised result is in some shown finding's evidence or here.
/// </summary>
internal static class IgnoredResults
{
    /// <summary>The results of <paramref name="picture"/> not in <paramref name="tables"/> (the shown cards' values tables), with why.</summary>
    public static IReadOnlyList<IgnoredResult> Collect(ClinicalPicture picture, IEnumerable<EvidenceItem> tables)
    {
        var used = tables.Select(e => e.Source).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var usedLabs = picture.Labs.Where(s => used.Contains(s.Result.SourceId)).Select(s => s.Result).ToList();
        var ignored = new List<IgnoredResult>();
        foreach (var screened in picture.Labs.Where(s => !used.Contains(s.Result.SourceId)))
        {
            var window = picture.Options.WindowFor(screened.Result.Analyte);
            ignored.Add(Screened(screened, picture, window) ?? NotDeciding(screened.Result, picture, usedLabs));
        }

        foreach (var screened in picture.Dxa.Where(s => !used.Contains(s.Result.SourceId)))
        {
            ignored.Add(Screened(screened, picture, picture.Options.DxaWindowDays) ?? NotDeciding(screened.Result, picture));
        }

        return ignored;
    }

    private static IgnoredResult? Screened<T>(Screened<T> screened, ClinicalPicture picture, int? window)
        where T : ResultFact
    {
        var result = screened.Result;
        if (screened.Usability != Usability.Usable && screened.Reason is { } why)
        {
            return new IgnoredResult(Describe.Evidence(result), why, RuleFor(why), screened.Explanation ?? why.ToString());
        }

        return window is { } days && !picture.Time.Within(result.Effective, days)
            ? new IgnoredResult(Describe.Evidence(result), IgnoredReason.Stale, null, $"older than {days} days")
            : null;
    }

    private static IgnoredResult NotDeciding(LabResult result, ClinicalPicture picture, List<LabResult> usedLabs)
    {
        var evidence = Describe.Evidence(result);
        var deciding = result.Analyte == Analyte.Estradiol ? picture.Estradiol.Deciding : null;
        if (deciding is { Assay: AssayClass.Sensitive } sensitive && result.Assay == AssayClass.Immunoassay)
        {
            var newer = result.Effective > sensitive.Effective ? "a newer immunoassay result, not low enough to count on its own" : "an immunoassay result";
            return new IgnoredResult(evidence, IgnoredReason.OtherAssayDecides, null,
                $"{newer}: the sensitive estradiol of {Day(sensitive)} decides");
        }

        var later = usedLabs.Where(u => u.Analyte == result.Analyte && u.Effective >= result.Effective).MaxBy(u => u.Effective) ?? deciding;
        return later is not null && !ReferenceEquals(later, result)
            ? new IgnoredResult(evidence, IgnoredReason.Superseded, null, $"the {Describe.Name(result.Analyte)} of {Day(later)} decides")
            : new IgnoredResult(evidence, IgnoredReason.NotNeeded, null, $"no rule that applied needed {Describe.Name(result.Analyte)}");
    }

    private static IgnoredResult NotDeciding(DxaResult result, ClinicalPicture picture)
    {
        var evidence = Describe.Evidence(result);
        var bone = picture.Bone;
        if (result.Measure != DxaMeasure.Bmd && !bone.LatestStudy.Any(r => ReferenceEquals(r, result)))
        {
            var latest = bone.LatestStudy.Count > 0 ? $" ({Day(bone.LatestStudy[0])})" : string.Empty;
            return new IgnoredResult(evidence, IgnoredReason.EarlierStudy, null, $"an earlier DXA study; the latest{latest} decides");
        }

        if (result.Site == BoneSite.Forearm && bone.LatestStudy.Any(r => r.Site != BoneSite.Forearm && r.Measure == result.Measure))
        {
            return new IgnoredResult(evidence, IgnoredReason.ForearmNotUsed, null, "forearm: central sites were measured, and they decide");
        }

        var why = result.Measure switch
        {
            DxaMeasure.ZScore => "Z-scores are shown for context; the rules decide on T-scores",
            DxaMeasure.Bmd => "no BMD comparison at this site decided",
            _ => "no rule that applied needed the DXA result",
        };
        return new IgnoredResult(evidence, IgnoredReason.NotNeeded, null, why);
    }

    private static string Day(ResultFact result) =>
        result.Effective?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "no date";

    private static RuleId? RuleFor(IgnoredReason reason) => reason switch
    {
        IgnoredReason.EnteredInError or IgnoredReason.Cancelled => RuleId.D1,
        IgnoredReason.UnmappableUnit or IgnoredReason.FutureDate => RuleId.D2,
        IgnoredReason.Implausible => RuleId.D4,
        IgnoredReason.Pending => RuleId.M6,
        _ => null,
    };
}
