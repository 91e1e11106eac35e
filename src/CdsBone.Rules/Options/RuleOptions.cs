using System.ComponentModel.DataAnnotations;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Options;

/// <summary>
/// Every clinical threshold and window of CLINICAL-RULES.md §5, bound from configuration section
/// <c>CdsBone:Rules</c>. Defaults, units and sources are in <see cref="RuleDefaults"/>.
/// </summary>
public sealed class RuleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CdsBone:Rules";

    /// <summary>The ruleset version written on every card (extension <c>rulesetVersion</c>).</summary>
    [Required]
    public string RulesetVersion { get; set; } = "2026.12-1";

    /// <summary>pg/mL; default <see cref="RuleDefaults.MaleEstradiolCriticalLowPgMl"/> (10).</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal MaleEstradiolCriticalLowPgMl { get; set; } = RuleDefaults.MaleEstradiolCriticalLowPgMl;

    /// <summary>pg/mL; default <see cref="RuleDefaults.MaleEstradiolLowPgMl"/> (20).</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal MaleEstradiolLowPgMl { get; set; } = RuleDefaults.MaleEstradiolLowPgMl;

    /// <summary>pg/mL; default <see cref="RuleDefaults.MaleEstradiolLowNormalPgMl"/> (25).</summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal MaleEstradiolLowNormalPgMl { get; set; } = RuleDefaults.MaleEstradiolLowNormalPgMl;

    /// <summary>pg/mL; default <see cref="RuleDefaults.MaleEstradiolHighPgMl"/> (42).</summary>
    [Range(typeof(decimal), "1", "500")]
    public decimal MaleEstradiolHighPgMl { get; set; } = RuleDefaults.MaleEstradiolHighPgMl;

    /// <summary>pg/mL; default <see cref="RuleDefaults.PostmenopausalEstradiolHighPgMl"/> (21).</summary>
    [Range(typeof(decimal), "1", "500")]
    public decimal PostmenopausalEstradiolHighPgMl { get; set; } = RuleDefaults.PostmenopausalEstradiolHighPgMl;

    /// <summary>pg/mL; default <see cref="RuleDefaults.TrendCeilingPgMl"/> (30).</summary>
    [Range(typeof(decimal), "1", "500")]
    public decimal TrendCeilingPgMl { get; set; } = RuleDefaults.TrendCeilingPgMl;

    /// <summary>Percent; default <see cref="RuleDefaults.TrendFallPercent"/> (25).</summary>
    [Range(typeof(decimal), "1", "100")]
    public decimal TrendFallPercent { get; set; } = RuleDefaults.TrendFallPercent;

    /// <summary>Days; default <see cref="RuleDefaults.MinDaysBetweenResults"/> (14).</summary>
    [Range(0, 365)]
    public int MinDaysBetweenResults { get; set; } = RuleDefaults.MinDaysBetweenResults;

    /// <summary>T-score; default <see cref="RuleDefaults.OsteoporosisTScore"/> (−2.5).</summary>
    [Range(typeof(decimal), "-6", "0")]
    public decimal OsteoporosisTScore { get; set; } = RuleDefaults.OsteoporosisTScore;

    /// <summary>T-score; default <see cref="RuleDefaults.LowBoneMassTScore"/> (−1.0).</summary>
    [Range(typeof(decimal), "-6", "0")]
    public decimal LowBoneMassTScore { get; set; } = RuleDefaults.LowBoneMassTScore;

    /// <summary>Z-score; default <see cref="RuleDefaults.LowZScore"/> (−2.0).</summary>
    [Range(typeof(decimal), "-6", "0")]
    public decimal LowZScore { get; set; } = RuleDefaults.LowZScore;

    /// <summary>T-score; default <see cref="RuleDefaults.AntiresorptiveTScore"/> (−2.0).</summary>
    [Range(typeof(decimal), "-6", "0")]
    public decimal AntiresorptiveTScore { get; set; } = RuleDefaults.AntiresorptiveTScore;

    /// <summary>T-score; default <see cref="RuleDefaults.AntiresorptiveWithRiskFactorTScore"/> (−1.5).</summary>
    [Range(typeof(decimal), "-6", "0")]
    public decimal AntiresorptiveWithRiskFactorTScore { get; set; } = RuleDefaults.AntiresorptiveWithRiskFactorTScore;

    /// <summary>g/cm2; default <see cref="RuleDefaults.BmdLeastSignificantChangeGcm2"/> (0.030).</summary>
    [Range(typeof(decimal), "0.001", "0.5")]
    public decimal BmdLeastSignificantChangeGcm2 { get; set; } = RuleDefaults.BmdLeastSignificantChangeGcm2;

    /// <summary>pg/mL; default <see cref="RuleDefaults.MaleCtxHighPgMl"/> (740).</summary>
    [Range(typeof(decimal), "1", "10000")]
    public decimal MaleCtxHighPgMl { get; set; } = RuleDefaults.MaleCtxHighPgMl;

    /// <summary>pg/mL; default <see cref="RuleDefaults.FemaleCtxHighPgMl"/> (1015).</summary>
    [Range(typeof(decimal), "1", "10000")]
    public decimal FemaleCtxHighPgMl { get; set; } = RuleDefaults.FemaleCtxHighPgMl;

    /// <summary>ug/L; default <see cref="RuleDefaults.P1npLowUgL"/> (16).</summary>
    [Range(typeof(decimal), "0", "2000")]
    public decimal P1npLowUgL { get; set; } = RuleDefaults.P1npLowUgL;

    /// <summary>m[IU]/mL; default <see cref="RuleDefaults.HcgPositiveMiuMl"/> (25).</summary>
    [Range(typeof(decimal), "1", "1000")]
    public decimal HcgPositiveMiuMl { get; set; } = RuleDefaults.HcgPositiveMiuMl;

    /// <summary>IU/L; default <see cref="RuleDefaults.PostmenopausalFshIuL"/> (30).</summary>
    [Range(typeof(decimal), "1", "500")]
    public decimal PostmenopausalFshIuL { get; set; } = RuleDefaults.PostmenopausalFshIuL;

    /// <summary>pg/mL; default <see cref="RuleDefaults.PostmenopausalEstradiolPgMl"/> (30).</summary>
    [Range(typeof(decimal), "1", "500")]
    public decimal PostmenopausalEstradiolPgMl { get; set; } = RuleDefaults.PostmenopausalEstradiolPgMl;

    /// <summary>Years; default <see cref="RuleDefaults.PostmenopausalAgeYears"/> (60).</summary>
    [Range(30, 100)]
    public int PostmenopausalAgeYears { get; set; } = RuleDefaults.PostmenopausalAgeYears;

    /// <summary>Years; default <see cref="RuleDefaults.PremenopausalAgeYears"/> (50).</summary>
    [Range(30, 100)]
    public int PremenopausalAgeYears { get; set; } = RuleDefaults.PremenopausalAgeYears;

    /// <summary>Days; default <see cref="RuleDefaults.EstradiolWindowDays"/> (90).</summary>
    [Range(1, 3650)]
    public int EstradiolWindowDays { get; set; } = RuleDefaults.EstradiolWindowDays;

    /// <summary>Days; default <see cref="RuleDefaults.AndrogenPanelWindowDays"/> (180).</summary>
    [Range(1, 3650)]
    public int AndrogenPanelWindowDays { get; set; } = RuleDefaults.AndrogenPanelWindowDays;

    /// <summary>Days; default <see cref="RuleDefaults.BoneMarkerWindowDays"/> (180).</summary>
    [Range(1, 3650)]
    public int BoneMarkerWindowDays { get; set; } = RuleDefaults.BoneMarkerWindowDays;

    /// <summary>Days; default <see cref="RuleDefaults.DxaWindowDays"/> (730).</summary>
    [Range(1, 3650)]
    public int DxaWindowDays { get; set; } = RuleDefaults.DxaWindowDays;

    /// <summary>Days; default <see cref="RuleDefaults.RecentDxaForBoneMarkerDays"/> (365).</summary>
    [Range(1, 3650)]
    public int RecentDxaForBoneMarkerDays { get; set; } = RuleDefaults.RecentDxaForBoneMarkerDays;

    /// <summary>Days; default <see cref="RuleDefaults.TrendWindowDays"/> (180).</summary>
    [Range(1, 3650)]
    public int TrendWindowDays { get; set; } = RuleDefaults.TrendWindowDays;

    /// <summary>Days; default <see cref="RuleDefaults.FshWindowDays"/> (180).</summary>
    [Range(1, 3650)]
    public int FshWindowDays { get; set; } = RuleDefaults.FshWindowDays;

    /// <summary>Days; default <see cref="RuleDefaults.HcgWindowDays"/> (30).</summary>
    [Range(1, 365)]
    public int HcgWindowDays { get; set; } = RuleDefaults.HcgWindowDays;

    /// <summary>Days; default <see cref="RuleDefaults.FreeTestosteroneInputSpanDays"/> (180).</summary>
    [Range(0, 3650)]
    public int FreeTestosteroneInputSpanDays { get; set; } = RuleDefaults.FreeTestosteroneInputSpanDays;

    /// <summary>Days; default <see cref="RuleDefaults.DxaStudyToleranceDays"/> (1).</summary>
    [Range(0, 30)]
    public int DxaStudyToleranceDays { get; set; } = RuleDefaults.DxaStudyToleranceDays;

    /// <summary>The anastrozole regimens, highest weekly dose first, that reduce-dose steps down through (§6 card contract).</summary>
    public IList<DoseStep> AnastrozoleDoseLadder { get; } =
    [
        new() { DoseMg = 1m, Frequency = 1, Period = 1m, PeriodUnit = DosePeriodUnit.Day },
        new() { DoseMg = 0.5m, Frequency = 2, Period = 1m, PeriodUnit = DosePeriodUnit.Week },
        new() { DoseMg = 0.5m, Frequency = 1, Period = 1m, PeriodUnit = DosePeriodUnit.Week },
    ];

    /// <summary>The lowest starting regimen for start-consider (seed: 0.5 mg twice weekly, off-label).</summary>
    public DoseStep AnastrozoleStartingDose { get; set; } = new() { DoseMg = 0.5m, Frequency = 2, Period = 1m, PeriodUnit = DosePeriodUnit.Week };

    /// <summary>A6: the weekly anastrozole dose above which a man's dose is above the usual adjunct dose, mg/week (default 3) [E3, seed].</summary>
    [Range(typeof(decimal), "0.1", "50")]
    public decimal MaleAnastrozoleMaxWeeklyMg { get; set; } = RuleDefaults.MaleAnastrozoleMaxWeeklyMg;

    /// <summary>A6: the usual adjunct regimen its update action sets (seed: 0.5 mg twice weekly).</summary>
    public DoseStep AnastrozoleUsualAdjunctDose { get; set; } = new() { DoseMg = 0.5m, Frequency = 2, Period = 1m, PeriodUnit = DosePeriodUnit.Week };

    /// <summary>The look-back window of <paramref name="analyte"/> in days (§5 Definitions: Windows); null when no rule reads it.</summary>
    public int? WindowFor(Analyte analyte) => analyte switch
    {
        Analyte.Estradiol => EstradiolWindowDays,
        Analyte.TotalTestosterone or Analyte.FreeTestosterone or Analyte.Shbg or Analyte.Albumin => AndrogenPanelWindowDays,
        Analyte.Ctx or Analyte.P1np => BoneMarkerWindowDays,
        Analyte.Fsh => FshWindowDays,
        Analyte.Hcg or Analyte.HcgQualitative => HcgWindowDays,
        _ => null,
    };

    /// <summary>Plausible ranges (D4) in canonical units, §5 Definitions.</summary>
    public PlausibleRanges Plausible { get; set; } = new();
}

/// <summary>A configurable dose regimen.</summary>
public sealed class DoseStep
{
    /// <summary>Milligrams per administration.</summary>
    [Range(typeof(decimal), "0.01", "100")]
    public decimal DoseMg { get; set; }

    /// <summary>Administrations per period.</summary>
    [Range(1, 24)]
    public int Frequency { get; set; }

    /// <summary>Period length.</summary>
    [Range(typeof(decimal), "0.1", "365")]
    public decimal Period { get; set; }

    /// <summary>Period unit.</summary>
    public DosePeriodUnit PeriodUnit { get; set; }

    /// <summary>As a domain regimen.</summary>
    public DoseRegimen ToRegimen() => new(DoseMg, Frequency, Period, PeriodUnit);
}
