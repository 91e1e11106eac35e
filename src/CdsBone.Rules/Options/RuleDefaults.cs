namespace CdsBone.Rules.Options;

/// <summary>
/// The default of every clinical threshold and window, with its unit and source (CLINICAL-RULES.md §5). Each needs
/// clinical sign-off before a release (§9); all can be overridden in configuration through <see cref="RuleOptions"/>.
/// </summary>
public static class RuleDefaults
{
    /// <summary>Male E2 critical-low limit: 10 pg/mL (S4). Bone loss accelerates below ~11 pg/mL bioavailable E2 [E5].</summary>
    public const decimal MaleEstradiolCriticalLowPgMl = 10m;
    /// <summary>Male E2 low limit: 20 pg/mL (S5, the seed article's floor) [E5, E6].</summary>
    public const decimal MaleEstradiolLowPgMl = 20m;
    /// <summary>Male E2 low-normal upper limit: 25 pg/mL (A1, T6, N1): male bone needs E2 in 15–25 pg/mL [E6].</summary>
    public const decimal MaleEstradiolLowNormalPgMl = 25m;
    /// <summary>Male E2 high limit without a usable lab range: 42 pg/mL (ARUP LC-MS/MS adult men 10–42) [E13].</summary>
    public const decimal MaleEstradiolHighPgMl = 42m;
    /// <summary>Postmenopausal female E2 high limit without a lab range: 21 pg/mL (ARUP 2–21) [E13].</summary>
    public const decimal PostmenopausalEstradiolHighPgMl = 21m;
    /// <summary>A2 trend: latest E2 below 30 pg/mL counts as heading to over-suppression (seed "optimal 20–30").</summary>
    public const decimal TrendCeilingPgMl = 30m;
    /// <summary>A2 trend: a fall of 25 % or more from the highest earlier sensitive E2 (§9: needs sign-off).</summary>
    public const decimal TrendFallPercent = 25m;
    /// <summary>A2/T1: two results at least 14 days apart.</summary>
    public const int MinDaysBetweenResults = 14;

    /// <summary>Osteoporosis: T-score at or below −2.5 (WHO; S3).</summary>
    public const decimal OsteoporosisTScore = -2.5m;
    /// <summary>Low bone mass: T-score below −1.0 (A4); T1/N1 need lowest T ≥ −1.0.</summary>
    public const decimal LowBoneMassTScore = -1.0m;
    /// <summary>Z-score at or below −2.0: below the expected range for age (§1e; A4 when only Z-scores).</summary>
    public const decimal LowZScore = -2.0m;
    /// <summary>AIBL: bone-directed therapy when T &lt; −2.0 (A4 advice; T5 warning) [E9].</summary>
    public const decimal AntiresorptiveTScore = -2.0m;
    /// <summary>AIBL: bone-directed therapy when T &lt; −1.5 with one more risk factor (A4 advice) [E9].</summary>
    public const decimal AntiresorptiveWithRiskFactorTScore = -1.5m;
    /// <summary>BMD least significant change without a facility value: 0.030 g/cm2 (ISCD: LSC = 2.77 × precision error) [E11].</summary>
    public const decimal BmdLeastSignificantChangeGcm2 = 0.030m;

    /// <summary>CTx upper limit for men without a lab range: 740 pg/mL (Mayo men 50–59: 161–737) [E14].</summary>
    public const decimal MaleCtxHighPgMl = 740m;
    /// <summary>CTx upper limit for women without a lab range: 1015 pg/mL (Mayo postmenopausal 177–1015) [E14].</summary>
    public const decimal FemaleCtxHighPgMl = 1015m;
    /// <summary>P1NP lower limit without a lab range: 16 ug/L (Mayo postmenopausal 16–96) [E14].</summary>
    public const decimal P1npLowUgL = 16m;
    /// <summary>Quantitative hCG counted as positive: 25 m[IU]/mL (S1) [E12].</summary>
    public const decimal HcgPositiveMiuMl = 25m;
    /// <summary>FSH at or above 30 IU/L supports postmenopausal status (§5 Definitions).</summary>
    public const decimal PostmenopausalFshIuL = 30m;
    /// <summary>E2 below 30 pg/mL (with high FSH) supports postmenopausal status.</summary>
    public const decimal PostmenopausalEstradiolPgMl = 30m;
    /// <summary>Age at or above which a woman is postmenopausal: 60 years.</summary>
    public const int PostmenopausalAgeYears = 60;
    /// <summary>Age below which a woman without postmenopausal evidence is premenopausal: 50 years.</summary>
    public const int PremenopausalAgeYears = 50;

    /// <summary>
    /// A6: a man's anastrozole above 3 mg/week is above the usual adjunct dose. 1 mg daily (7 mg/week) lowered spine BMD
    /// in older men [E3]; the seed article's protocol is 0.5 mg twice weekly (1 mg/week).
    /// </summary>
    public const decimal MaleAnastrozoleMaxWeeklyMg = 3m;

    /// <summary>E2 look-back window: 90 days.</summary>
    public const int EstradiolWindowDays = 90;
    /// <summary>Total T, SHBG, albumin window: 180 days.</summary>
    public const int AndrogenPanelWindowDays = 180;
    /// <summary>CTx, P1NP window: 180 days.</summary>
    public const int BoneMarkerWindowDays = 180;
    /// <summary>DXA window and repeat interval: 730 days (ASCO/AIBL, "every 2 years" UNVERIFIED) [E9, E10].</summary>
    public const int DxaWindowDays = 730;
    /// <summary>A5: DXA within 365 days, else order one.</summary>
    public const int RecentDxaForBoneMarkerDays = 365;
    /// <summary>Trend window (A2, T1's confirming result): 180 days.</summary>
    public const int TrendWindowDays = 180;
    /// <summary>FSH window for menopausal status: 180 days.</summary>
    public const int FshWindowDays = 180;
    /// <summary>Positive hCG window for S1: 30 days.</summary>
    public const int HcgWindowDays = 30;
    /// <summary>Vermeulen inputs must lie within 180 days of one another (§3).</summary>
    public const int FreeTestosteroneInputSpanDays = 180;
    /// <summary>DXA results within ±1 day of the latest DXA date form one study.</summary>
    public const int DxaStudyToleranceDays = 1;

    /// <summary>Vermeulen SHBG–testosterone association constant: 1.0e9 L/mol [E8].</summary>
    public const double VermeulenKshbgLPerMol = 1.0e9;
    /// <summary>Vermeulen albumin–testosterone association constant: 3.6e4 L/mol [E8].</summary>
    public const double VermeulenKalbLPerMol = 3.6e4;
    /// <summary>Albumin molar mass used by Vermeulen: 69,000 g/mol [E8] (§3 picks one MW and documents it).</summary>
    public const double VermeulenAlbuminMolarMass = 69_000d;
}
