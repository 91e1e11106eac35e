using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;

namespace CdsBone.Rules.Picture;

/// <summary>
/// The facts interpreted once per evaluation: which results are usable, the deciding E2, the DXA picture, the
/// menopausal status, the oncology context and the treatment situation. Rules read this; none of them re-derive it.
/// </summary>
public sealed class ClinicalPicture
{
    /// <summary>Builds the picture of <paramref name="request"/> under <paramref name="options"/>.</summary>
    public ClinicalPicture(EvaluationRequest request, RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Facts = request.Facts;
        Trigger = request.Trigger;
        Time = new ClinicalTime(request.Now);
        Age = Facts.Patient.AgeOn(Time.Today);

        Labs = Facts.Labs.Select(l => ResultScreen.Screen(l, options.Plausible.For(l.Analyte), request.Now)).ToList();
        Dxa = Facts.Dxa.Select(d => ResultScreen.Screen(d, options.Plausible.For(d.Measure), request.Now)).ToList();

        Treatment = new TreatmentSituation(request.Trigger, Facts);
        Estradiol = new EstradiolPicture(Labs.Where(s => s.Result.Analyte == Analyte.Estradiol).ToList(), Time, options);
        Bone = new BonePicture(Dxa, Time, options);
        Androgens = new AndrogenPanel(LatestExact, options);
        Ctx = LatestUsable(Analyte.Ctx, options.BoneMarkerWindowDays);
        P1np = LatestUsable(Analyte.P1np, options.BoneMarkerWindowDays);
        Oncology = FindOncologyContext();
        Menopause = FindMenopausalStatus();
    }

    /// <summary>The thresholds in force.</summary>
    public RuleOptions Options { get; }

    /// <summary>The facts as received.</summary>
    public ClinicalFacts Facts { get; }

    /// <summary>The hook.</summary>
    public HookTrigger Trigger { get; }

    /// <summary>"Now" and day counting.</summary>
    public ClinicalTime Time { get; }

    /// <summary>Age in completed years, when the birth date is known.</summary>
    public int? Age { get; }

    /// <summary>True for a male patient.</summary>
    public bool IsMale => Facts.Patient.Sex == Sex.Male;

    /// <summary>True for a female patient.</summary>
    public bool IsFemale => Facts.Patient.Sex == Sex.Female;

    /// <summary>Every lab result with its screening outcome.</summary>
    public IReadOnlyList<Screened<LabResult>> Labs { get; }

    /// <summary>Every DXA result with its screening outcome.</summary>
    public IReadOnlyList<Screened<DxaResult>> Dxa { get; }

    /// <summary>The therapies.</summary>
    public TreatmentSituation Treatment { get; }

    /// <summary>The E2 results.</summary>
    public EstradiolPicture Estradiol { get; }

    /// <summary>The DXA results.</summary>
    public BonePicture Bone { get; }

    /// <summary>Total T, SHBG, albumin and free T.</summary>
    public AndrogenPanel Androgens { get; }

    /// <summary>The latest usable CTx within its window.</summary>
    public LabResult? Ctx { get; }

    /// <summary>The latest usable P1NP within its window.</summary>
    public LabResult? P1np { get; }

    /// <summary>Oncology context.</summary>
    public OncologyContext Oncology { get; }

    /// <summary>Menopausal status (women).</summary>
    public MenopausalStatus Menopause { get; }

    /// <summary>True when the oncology context is known to be absent, or unknown for a man (§5 speaks of women only).</summary>
    public bool OutsideOncology => Oncology == OncologyContext.No || (Oncology == OncologyContext.Unknown && !IsFemale);

    /// <summary>True for a woman whose oncology context is unknown: no stop or reduce advice from bone rules (§5 Definitions).</summary>
    public bool BoneAdviceOnlyAsLabs => IsFemale && Oncology == OncologyContext.Unknown;

    /// <summary>The latest usable result of <paramref name="analyte"/> within <paramref name="windowDays"/>, bounds included.</summary>
    public LabResult? LatestUsable(Analyte analyte, int windowDays) => Labs
        .Where(s => s.Usability == Usability.Usable && s.Result.Analyte == analyte && Time.Within(s.Result.Effective, windowDays))
        .Select(s => s.Result)
        .MaxBy(r => r.Effective);

    /// <summary>The latest usable exact (no comparator) result of <paramref name="analyte"/> within the window.</summary>
    public LabResult? LatestExact(Analyte analyte, int windowDays) => Labs
        .Where(s => s.Usability == Usability.Usable && s.Result.Analyte == analyte && s.Result.Comparator == Comparator.None
            && Time.Within(s.Result.Effective, windowDays))
        .Select(s => s.Result)
        .MaxBy(r => r.Effective);

    /// <summary>Active conditions of the given kinds.</summary>
    public ConditionFact? ActiveCondition(params ConditionKind[] kinds) =>
        Facts.Conditions.FirstOrDefault(c => c.IsActive && kinds.Contains(c.Kind));

    /// <summary>An active, coded estrogen-excess symptom (gynecomastia, mastodynia) for T1.</summary>
    public ConditionFact? CodedEstrogenExcessSymptom => Facts.Conditions.FirstOrDefault(c =>
        c.IsActive && c.RecognisedBy == RecognitionMethod.Code && c.Kind is ConditionKind.Gynecomastia or ConditionKind.Mastodynia);

    /// <summary>An active osteoporosis or fragility-fracture condition (S3, T5).</summary>
    public ConditionFact? OsteoporosisCondition => ActiveCondition(ConditionKind.Osteoporosis, ConditionKind.FragilityFracture);

    /// <summary>A positive hCG within the window, final or pending (S1).</summary>
    public LabResult? PositiveHcg => Labs
        .Where(s => s.Usability is Usability.Usable or Usability.Pending && Time.Within(s.Result.Effective, Options.HcgWindowDays)
            && IsPositiveHcg(s.Result))
        .Select(s => s.Result)
        .MaxBy(r => r.Effective);

    private bool IsPositiveHcg(LabResult result) => result.Analyte switch
    {
        Analyte.HcgQualitative => result.QualitativePositive == true,
        Analyte.Hcg => result.Value is { } v && !result.IsUpperBound && v >= Options.HcgPositiveMiuMl,
        _ => false,
    };

    private OncologyContext FindOncologyContext()
    {
        // Any clinical status counts (a cancer in remission still makes the AI oncology-managed), and so does a product
        // prescribed only for breast cancer, active, on hold or being ordered.
        if (Facts.Conditions.Any(c => c.Kind == ConditionKind.BreastCancer)
            || Facts.Medications.Concat(Facts.OrdersUnderReview).Any(t =>
                t.BreastCancerOnly && t.Status is TherapyStatus.Active or TherapyStatus.OnHold or TherapyStatus.Draft))
        {
            return OncologyContext.Yes;
        }

        return Facts.ConditionsAvailability == DataAvailability.Unavailable ? OncologyContext.Unknown : OncologyContext.No;
    }

    private MenopausalStatus FindMenopausalStatus()
    {
        if (!IsFemale)
        {
            return MenopausalStatus.NotApplicable;
        }

        var highFshLowE2 = LatestUsable(Analyte.Fsh, Options.FshWindowDays) is { Value: { } fsh } fshResult && !fshResult.IsUpperBound
            && fsh >= Options.PostmenopausalFshIuL
            && Estradiol.Latest is { Value: { } e2 } latestE2 && !latestE2.IsLowerBound && e2 < Options.PostmenopausalEstradiolPgMl;
        if (ActiveCondition(ConditionKind.Postmenopausal) is not null
            || Facts.Conditions.Any(c => c.Kind == ConditionKind.BilateralOophorectomy)
            || Age >= Options.PostmenopausalAgeYears
            || highFshLowE2)
        {
            return MenopausalStatus.Postmenopausal;
        }

        // A premature menopause without FSH/E2 evidence leaves the status unknown at any age below the postmenopausal age.
        if (ActiveCondition(ConditionKind.PrematureMenopause) is not null)
        {
            return MenopausalStatus.Unknown;
        }

        if (ActiveCondition(ConditionKind.Premenopausal) is not null || Age < Options.PremenopausalAgeYears)
        {
            return MenopausalStatus.Premenopausal;
        }

        return MenopausalStatus.Unknown;
    }
}
