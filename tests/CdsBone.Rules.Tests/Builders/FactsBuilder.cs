using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;
using CdsBone.Rules.Units;

namespace CdsBone.Rules.Tests.Builders;

/// <summary>Builds clinical facts for one patient, dated relative to <see cref="Now"/> (eShop-style test-data builder).</summary>
internal sealed class FactsBuilder
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Sex _sex;
    private readonly int _age;
    private readonly List<LabResult> _labs = [];
    private readonly List<DxaResult> _dxa = [];
    private readonly List<Therapy> _medications = [];
    private readonly List<Therapy> _orders = [];
    private readonly List<ConditionFact> _conditions = [];
    private DataAvailability _conditionsAvailability = DataAvailability.Available;
    private int _next;

    private FactsBuilder(Sex sex, int age) => (_sex, _age) = (sex, age);

    public static FactsBuilder Man(int age = 45) => new(Sex.Male, age);

    public static FactsBuilder Woman(int age = 63) => new(Sex.Female, age);

    public static DoseRegimen TwiceWeekly => new(0.5m, 2, 1m, DosePeriodUnit.Week);

    public static DoseRegimen OnceWeekly => new(0.5m, 1, 1m, DosePeriodUnit.Week);

    public static DoseRegimen OneMgDaily => new(1m, 1, 1m, DosePeriodUnit.Day);

    public FactsBuilder OnAnastrozole(DoseRegimen? dose = null, TherapyStatus status = TherapyStatus.Active, bool unknownDose = false) =>
        Medication(TherapyClass.AromataseInhibitor, Agents.Anastrozole, status, unknownDose ? null : dose ?? TwiceWeekly);

    public FactsBuilder OrderingAnastrozole(DoseRegimen? dose = null) =>
        Order(TherapyClass.AromataseInhibitor, Agents.Anastrozole, dose ?? TwiceWeekly);

    public FactsBuilder OrderingLetrozole() => Order(TherapyClass.AromataseInhibitor, Agents.Letrozole, new DoseRegimen(2.5m, 1, 1m, DosePeriodUnit.Day));

    public FactsBuilder OnLetrozole() => Medication(TherapyClass.AromataseInhibitor, Agents.Letrozole, TherapyStatus.Active, new DoseRegimen(2.5m, 1, 1m, DosePeriodUnit.Day));

    /// <summary>A letrozole/ribociclib co-pack: prescribed only for breast cancer.</summary>
    public FactsBuilder OnLetrozoleRibociclibPack()
    {
        _medications.Add(new Therapy(NextId("MedicationRequest"), TherapyClass.AromataseInhibitor, Agents.Letrozole, TherapyStatus.Active,
            null, RecognitionMethod.Code, "letrozole/ribociclib pack", BreastCancerOnly: true));
        return this;
    }

    public FactsBuilder OnExemestane() => Medication(TherapyClass.AromataseInhibitor, Agents.Exemestane, TherapyStatus.Active, new DoseRegimen(25m, 1, 1m, DosePeriodUnit.Day));

    public FactsBuilder OnTestosterone(TherapyStatus status = TherapyStatus.Active) => Medication(TherapyClass.Testosterone, "testosterone", status, null);

    public FactsBuilder OrderingTestosterone() => Order(TherapyClass.Testosterone, "testosterone", null);

    public FactsBuilder On(TherapyClass therapyClass, string agent) => Medication(therapyClass, agent, TherapyStatus.Active, null);

    public FactsBuilder WithE2(decimal pgMl, int daysAgo, AssayClass assay = AssayClass.Sensitive, Comparator comparator = Comparator.None,
        ResultStatus status = ResultStatus.Final, string? unitProblem = null, IReadOnlyList<ReferenceRange>? ranges = null) =>
        Lab(Analyte.Estradiol, Loinc.EstradiolMass, pgMl, daysAgo, assay, comparator, status, unitProblem, ranges);

    public FactsBuilder WithTotalT(decimal ngDl, int daysAgo) => Lab(Analyte.TotalTestosterone, Loinc.TotalTestosteroneMass, ngDl, daysAgo);

    public FactsBuilder WithShbg(decimal nmolL, int daysAgo) => Lab(Analyte.Shbg, Loinc.ShbgMolar, nmolL, daysAgo);

    public FactsBuilder WithAlbumin(decimal gL, int daysAgo) => Lab(Analyte.Albumin, Loinc.Albumin, gL, daysAgo);

    public FactsBuilder WithCtx(decimal pgMl, int daysAgo, IReadOnlyList<ReferenceRange>? ranges = null) =>
        Lab(Analyte.Ctx, Loinc.Ctx, pgMl, daysAgo, ranges: ranges);

    public FactsBuilder WithP1np(decimal ugL, int daysAgo) => Lab(Analyte.P1np, Loinc.P1np, ugL, daysAgo);

    public FactsBuilder WithFsh(decimal miuMl, int daysAgo, ResultStatus status = ResultStatus.Final) =>
        Lab(Analyte.Fsh, Loinc.Fsh, miuMl, daysAgo, status: status);

    public FactsBuilder WithHcg(decimal miuMl, int daysAgo, ResultStatus status = ResultStatus.Final) =>
        Lab(Analyte.Hcg, Loinc.HcgQuantitative, miuMl, daysAgo, status: status);

    public FactsBuilder WithQualitativeHcg(bool positive, int daysAgo)
    {
        _labs.Add(new LabResult
        {
            SourceId = NextId("Observation"),
            Code = Loinc.HcgPresenceUrine,
            Analyte = Analyte.HcgQualitative,
            Unit = UcumUnits.Dimensionless,
            Effective = Now.AddDays(-daysAgo),
            Status = ResultStatus.Final,
            QualitativePositive = positive,
        });
        return this;
    }

    public FactsBuilder WithTScore(BoneSite site, decimal score, int daysAgo, ResultStatus status = ResultStatus.Final) =>
        Dxa(site, DxaMeasure.TScore, score, daysAgo, status);

    public FactsBuilder WithZScore(BoneSite site, decimal score, int daysAgo) => Dxa(site, DxaMeasure.ZScore, score, daysAgo);

    public FactsBuilder WithBmd(BoneSite site, decimal gcm2, int daysAgo, string? device = null, decimal? facilityLsc = null) =>
        Dxa(site, DxaMeasure.Bmd, gcm2, daysAgo, device: device, facilityLsc: facilityLsc);

    public FactsBuilder WithCondition(ConditionKind kind, ConditionClinicalStatus status = ConditionClinicalStatus.Active,
        RecognitionMethod recognisedBy = RecognitionMethod.Code)
    {
        _conditions.Add(new ConditionFact(NextId("Condition"), kind, status, recognisedBy, kind.ToString()));
        return this;
    }

    public FactsBuilder ConditionsUnavailable()
    {
        _conditionsAvailability = DataAvailability.Unavailable;
        return this;
    }

    public ClinicalFacts Build() => new()
    {
        Patient = new PatientFacts(_sex, DateOnly.FromDateTime(Now.UtcDateTime).AddYears(-_age).AddDays(-30)),
        Labs = _labs,
        Dxa = _dxa,
        Medications = _medications,
        OrdersUnderReview = _orders,
        Conditions = _conditions,
        ConditionsAvailability = _conditionsAvailability,
    };

    /// <summary>Evaluates at <see cref="Now"/>; without a trigger, order-sign when an order was added, else patient-view.</summary>
    public EvaluationResult Evaluate(HookTrigger? trigger = null, RuleOptions? options = null) =>
        new RuleEngine(options ?? new RuleOptions()).Evaluate(
            new EvaluationRequest(trigger ?? (_orders.Count > 0 ? HookTrigger.OrderSign : HookTrigger.PatientView), Build(), Now));

    private FactsBuilder Lab(Analyte analyte, ClinicalCode code, decimal value, int daysAgo, AssayClass assay = AssayClass.NotApplicable,
        Comparator comparator = Comparator.None, ResultStatus status = ResultStatus.Final, string? unitProblem = null,
        IReadOnlyList<ReferenceRange>? ranges = null)
    {
        var unit = AnalyteUnits.For(analyte).CanonicalUnit;
        _labs.Add(new LabResult
        {
            SourceId = NextId("Observation"),
            Code = code,
            Analyte = analyte,
            Value = unitProblem is null ? value : null,
            Unit = unit,
            ReceivedValue = value,
            ReceivedUnit = unit,
            Comparator = comparator,
            Effective = Now.AddDays(-daysAgo),
            Status = status,
            UnitProblem = unitProblem,
            Assay = assay,
            ReferenceRanges = ranges ?? [],
        });
        return this;
    }

    private FactsBuilder Dxa(BoneSite site, DxaMeasure measure, decimal value, int daysAgo, ResultStatus status = ResultStatus.Final,
        string? device = null, decimal? facilityLsc = null)
    {
        _dxa.Add(new DxaResult
        {
            SourceId = NextId("Observation"),
            Code = Loinc.Dxa.LumbarSpineT,
            Site = site,
            Measure = measure,
            Value = value,
            Unit = AnalyteUnits.For(measure),
            ReceivedValue = value,
            ReceivedUnit = AnalyteUnits.For(measure),
            Effective = Now.AddDays(-daysAgo),
            Status = status,
            Device = device,
            FacilityLeastSignificantChange = facilityLsc,
        });
        return this;
    }

    private FactsBuilder Medication(TherapyClass therapyClass, string agent, TherapyStatus status, DoseRegimen? dose)
    {
        _medications.Add(new Therapy(NextId("MedicationRequest"), therapyClass, agent, status, dose, RecognitionMethod.Code, agent));
        return this;
    }

    private FactsBuilder Order(TherapyClass therapyClass, string agent, DoseRegimen? dose)
    {
        _orders.Add(new Therapy(NextId("MedicationRequest"), therapyClass, agent, TherapyStatus.Draft, dose, RecognitionMethod.Code, agent));
        return this;
    }

    private string NextId(string type) => $"{type}/t{++_next}";
}
