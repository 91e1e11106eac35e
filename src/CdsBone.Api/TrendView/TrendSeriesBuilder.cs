using System.Globalization;
using CdsBone.Rules.Facts;
using CdsBone.Rules.FreeTestosterone;
using CdsBone.Rules.Options;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Units;

namespace CdsBone.Api.TrendView;

/// <summary>
/// The charts of a patient, built from the same <see cref="ClinicalPicture"/> the hooks evaluate (canonical units, assay
/// class, status, comparators, usable or not and why): one per analyte, with the active ruleset's limits as bands. Pure:
/// no I/O, "now" lives in the picture.
/// </summary>
public static class TrendSeriesBuilder
{
    /// <summary>The series name of a free testosterone computed from total T, SHBG and albumin.</summary>
    public const string CalculatedSeries = "calculated (Vermeulen)";

    /// <summary>The charts, in reading order: estradiol, testosterone, SHBG, bone turnover, DXA.</summary>
    public static IReadOnlyList<TrendChart> Build(ClinicalPicture picture, IReadOnlyList<TherapyCourse> courses)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(courses);
        var options = picture.Options;
        var sex = picture.Facts.Patient.Sex;
        var ctxLimit = CtxLimit(picture, sex, options);
        var p1npLimit = P1npLimit(picture, options);
        return
        [
            Lab(picture, courses, Analyte.Estradiol, "estradiol", "Estradiol", EstradiolBands(sex, options), "ruleset " + options.RulesetVersion),
            Lab(picture, courses, Analyte.TotalTestosterone, "total-testosterone", "Total testosterone", [], null),
            FreeTestosterone(picture, courses),
            Lab(picture, courses, Analyte.Shbg, "shbg", "SHBG", [], null),
            Lab(picture, courses, Analyte.Ctx, "ctx", "CTx (bone resorption)",
                [new ThresholdBand($"above {Describe.Number(ctxLimit.Value)} pg/mL: high resorption", ctxLimit.Value, null, BandSeverity.Warning)], ctxLimit.Source),
            Lab(picture, courses, Analyte.P1np, "p1np", "P1NP (bone formation)",
                [new ThresholdBand($"below {Describe.Number(p1npLimit.Value)} ug/L: low formation", null, p1npLimit.Value, BandSeverity.Warning)], p1npLimit.Source),
            Dxa(picture, courses, DxaMeasure.TScore, "t-score", "DXA T-score", TScoreBands(options), "ruleset " + options.RulesetVersion),
            Dxa(picture, courses, DxaMeasure.Bmd, "bmd", "Bone mineral density", [], null),
        ];
    }

    /// <summary>E2 bands for the patient's sex: the male limits (critical, low, low-normal, high) or the postmenopausal high limit.</summary>
    public static IReadOnlyList<ThresholdBand> EstradiolBands(Sex sex, RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var critical = options.MaleEstradiolCriticalLowPgMl;
        var low = options.MaleEstradiolLowPgMl;
        var lowNormal = options.MaleEstradiolLowNormalPgMl;
        return sex switch
        {
            Sex.Male =>
            [
                new($"below {Describe.Number(critical)} pg/mL: critically low", null, critical, BandSeverity.Critical),
                new($"{Describe.Number(critical)}–{Describe.Number(low)} pg/mL: low", critical, low, BandSeverity.Warning),
                new($"{Describe.Number(low)}–{Describe.Number(lowNormal)} pg/mL: low-normal", low, lowNormal, BandSeverity.Caution),
                new($"above {Describe.Number(options.MaleEstradiolHighPgMl)} pg/mL: high", options.MaleEstradiolHighPgMl, null, BandSeverity.Warning),
            ],
            Sex.Female => [new($"above {Describe.Number(options.PostmenopausalEstradiolHighPgMl)} pg/mL: high for a postmenopausal woman on an AI", options.PostmenopausalEstradiolHighPgMl, null, BandSeverity.Warning)],
            _ => [],
        };
    }

    /// <summary>T-score bands: osteoporosis at or below −2.5, low bone mass up to −1.0 (the ruleset's values).</summary>
    public static IReadOnlyList<ThresholdBand> TScoreBands(RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new($"{Describe.Number(options.OsteoporosisTScore)} or below: osteoporosis", null, options.OsteoporosisTScore, BandSeverity.Critical),
            new($"{Describe.Number(options.OsteoporosisTScore)} to {Describe.Number(options.LowBoneMassTScore)}: low bone mass", options.OsteoporosisTScore, options.LowBoneMassTScore, BandSeverity.Caution),
        ];
    }

    private static TrendChart Lab(ClinicalPicture picture, IReadOnlyList<TherapyCourse> courses, Analyte analyte, string id, string title, IReadOnlyList<ThresholdBand> bands, string? bandSource) =>
        new(id, title, AnalyteUnits.For(analyte).CanonicalUnit, picture.Labs.Where(s => s.Result.Analyte == analyte).Select(Point).OrderBy(p => p.Date).ToList(), bands, bandSource, courses);

    private static TrendChart Dxa(ClinicalPicture picture, IReadOnlyList<TherapyCourse> courses, DxaMeasure measure, string id, string title, IReadOnlyList<ThresholdBand> bands, string? bandSource)
    {
        var unit = AnalyteUnits.For(measure);
        var points = picture.Dxa.Where(s => s.Result.Measure == measure).Select(s => Point(s, Site(s.Result))).OrderBy(p => p.Date).ToList();
        return new TrendChart(id, title, unit, points, bands, bandSource, courses);
    }

    /// <summary>Measured free testosterone, and one calculated from each usable total T with a usable SHBG and albumin close enough in time (§3).</summary>
    private static TrendChart FreeTestosterone(ClinicalPicture picture, IReadOnlyList<TherapyCourse> courses)
    {
        var measured = picture.Labs.Where(s => s.Result.Analyte == Analyte.FreeTestosterone).Select(Point).ToList();
        var usable = picture.Labs.Where(s => s.Usability == Usability.Usable && s.Result.Comparator == Comparator.None && s.Result is { Value: > 0m, Effective: not null }).Select(s => s.Result).ToList();
        var span = picture.Options.FreeTestosteroneInputSpanDays;
        foreach (var total in usable.Where(l => l.Analyte == Analyte.TotalTestosterone))
        {
            var shbg = Nearest(usable, Analyte.Shbg, total.Effective!.Value, span);
            var albumin = Nearest(usable, Analyte.Albumin, total.Effective!.Value, span);
            if (shbg is null || albumin is null)
            {
                continue;
            }

            var estimate = VermeulenCalculator.Calculate(total.Value!.Value, shbg.Value!.Value, albumin.Value!.Value);
            var free = Math.Round(estimate.FreePgMl, 1);
            measured.Add(new TrendPoint(total.Effective, free, CalculatedSeries, PointKind.Value, $"{Describe.Number(free)} pg/mL (calculated)", true, null));
        }

        return new TrendChart("free-testosterone", "Free testosterone", AnalyteUnits.For(Analyte.FreeTestosterone).CanonicalUnit, measured.OrderBy(p => p.Date).ToList(), [], null, courses);
    }

    private static LabResult? Nearest(List<LabResult> labs, Analyte analyte, DateTimeOffset when, int spanDays) =>
        labs.Where(l => l.Analyte == analyte && ClinicalTime.DaysBetween(Min(l.Effective!.Value, when), Max(l.Effective!.Value, when)) <= spanDays)
            .MinBy(l => (l.Effective!.Value - when).Duration());

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TrendPoint Point(Screened<LabResult> screened) =>
        Point(screened, screened.Result.Analyte == Analyte.Estradiol ? Describe.AssayLabel(screened.Result) ?? "estradiol" : Describe.Name(screened.Result.Analyte));

    private static TrendPoint Point<T>(Screened<T> screened, string series)
        where T : ResultFact
    {
        var result = screened.Result;
        var kind = result.IsUpperBound ? PointKind.UpperBound : result.IsLowerBound ? PointKind.LowerBound : PointKind.Value;
        return new TrendPoint(result.Effective, result.Value, series, kind, Received(result), screened.Usability == Usability.Usable, screened.Explanation);
    }

    private static string Received(ResultFact result)
    {
        if (result.ReceivedValue is not { } value)
        {
            return "no value";
        }

        // A dimensionless score's unit ("1") says nothing to a reader.
        var unit = result.ReceivedUnit is "1" ? null : result.ReceivedUnit;
        var received = $"{Describe.Comparator(result.Comparator)}{Describe.Number(value)} {unit}".TrimEnd();
        return result.Value is { } converted && result.ReceivedUnit != result.Unit && result.Unit != "1"
            ? $"{received} = {Describe.Value(result)}"
            : received;
    }

    private static string Site(DxaResult dxa)
    {
        var name = Describe.Name(dxa);
        var measure = name.LastIndexOf(' ');
        return measure > 0 ? name[..measure] : name;
    }

    private static (decimal Value, string Source) CtxLimit(ClinicalPicture picture, Sex sex, RuleOptions options)
    {
        var applies = sex switch
        {
            Sex.Male => RangeAppliesTo.Male,
            Sex.Female => RangeAppliesTo.Female,
            _ => RangeAppliesTo.Anyone,
        };
        var latest = picture.Labs.Where(s => s.Result.Analyte == Analyte.Ctx).MaxBy(s => s.Result.Effective)?.Result;
        var fromLab = latest?.ReferenceRanges.FirstOrDefault(r => r.High is not null && (r.AppliesTo == applies || r.AppliesTo == RangeAppliesTo.Anyone))?.High;
        return fromLab is { } high
            ? (high, "the lab's reference range")
            : (sex == Sex.Female ? options.FemaleCtxHighPgMl : options.MaleCtxHighPgMl, "ruleset default " + options.RulesetVersion);
    }

    private static (decimal Value, string Source) P1npLimit(ClinicalPicture picture, RuleOptions options)
    {
        var latest = picture.Labs.Where(s => s.Result.Analyte == Analyte.P1np).MaxBy(s => s.Result.Effective)?.Result;
        return latest?.ReferenceRanges.FirstOrDefault(r => r.Low is not null)?.Low is { } low
            ? (low, "the lab's reference range")
            : (options.P1npLowUgL, "ruleset default " + options.RulesetVersion);
    }

    /// <summary>A date as the page and the table print it (ISO, the date only).</summary>
    public static string Day(DateTimeOffset date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
