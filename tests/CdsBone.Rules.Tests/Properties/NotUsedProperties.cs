using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;
using CdsBone.Rules.Tests.Builders;
using CdsBone.Rules.Tests.Evaluation;
using CdsBone.Rules.Units;
using CsCheck;

namespace CdsBone.Rules.Tests.Properties;

/// <summary>
/// Over random patients, every lab and DXA result is either in a card's values table or in the "Not used" list (§5
/// Definitions), whatever its status, date, assay, bound, unit problem or site, for every hook.
/// </summary>
public sealed class NotUsedProperties
{
    private static readonly Analyte[] Analytes = Enum.GetValues<Analyte>();
    private static readonly ResultStatus[] Statuses = Enum.GetValues<ResultStatus>();
    private static readonly AssayClass[] Assays = Enum.GetValues<AssayClass>();
    private static readonly Comparator[] Comparators = Enum.GetValues<Comparator>();
    private static readonly BoneSite[] Sites = Enum.GetValues<BoneSite>();
    private static readonly DxaMeasure[] Measures = Enum.GetValues<DxaMeasure>();
    private static readonly HookTrigger[] Triggers = Enum.GetValues<HookTrigger>();

    private static Gen<T> OneOf<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    // Mostly recent, final, exact results (so that rules fire and use some), with every odd case mixed in.
    private static readonly Gen<LabResult> Lab = Gen.Select(OneOf(Analytes), Gen.Int[0, 3000], Gen.Int[-3, 400], Gen.Frequency((6, Gen.Const(ResultStatus.Final)), (2, OneOf(Statuses))))
        .Select(Gen.Select(OneOf(Assays), Gen.Frequency((8, Gen.Const(Comparator.None)), (1, OneOf(Comparators))), Gen.Int[0, 20], Gen.Int[0, 1_000_000]),
            (a, b) => new LabResult
            {
                SourceId = $"Observation/lab-{b.Item4}",
                Code = Loinc.EstradiolMass,
                Analyte = a.Item1,
                Value = b.Item3 == 0 ? null : a.Item2 / 10m,
                Unit = AnalyteUnits.For(a.Item1).CanonicalUnit,
                ReceivedValue = a.Item2 / 10m,
                ReceivedUnit = AnalyteUnits.For(a.Item1).CanonicalUnit,
                Comparator = b.Item2,
                Effective = b.Item3 == 1 ? null : FactsBuilder.Now.AddDays(-a.Item3),
                Status = a.Item4,
                UnitProblem = b.Item3 == 2 ? "unit 'mg' does not map" : null,
                Assay = a.Item1 == Analyte.Estradiol && b.Item1 == AssayClass.NotApplicable ? AssayClass.Immunoassay : b.Item1,
                SensitiveByCodeOnly = b.Item3 == 3,
            });

    private static readonly Gen<DxaResult> Dxa = Gen.Select(OneOf(Sites), OneOf(Measures), Gen.Int[-40, 30], Gen.Int[-2, 1200], Gen.Int[0, 1_000_000], Gen.Frequency((6, Gen.Const(ResultStatus.Final)), (1, OneOf(Statuses))))
        .Select(x => new DxaResult
        {
            SourceId = $"Observation/dxa-{x.Item5}",
            Code = Loinc.Dxa.LumbarSpineT,
            Site = x.Item1,
            Measure = x.Item2,
            Value = x.Item2 == DxaMeasure.Bmd ? 0.6m + Math.Abs(x.Item3) / 50m : x.Item3 / 10m,
            Unit = AnalyteUnits.For(x.Item2),
            ReceivedValue = x.Item3 / 10m,
            ReceivedUnit = AnalyteUnits.For(x.Item2),
            // Studies cluster on a few dates so that sites share a study and BMD pairs are compared.
            Effective = FactsBuilder.Now.AddDays(-(x.Item4 / 100 * 100)),
            Status = x.Item6,
        });

    private static readonly Gen<Func<FactsBuilder, FactsBuilder>> Therapy = OneOf<Func<FactsBuilder, FactsBuilder>>([
        b => b.OnAnastrozole(),
        b => b.OnAnastrozole(FactsBuilder.OneMgDaily).OrderingTestosterone(),
        b => b.OrderingAnastrozole(),
        b => b.OnTestosterone().OrderingAnastrozole(FactsBuilder.OneMgDaily),
        b => b.OnAnastrozole().OrderingLetrozole(),
        b => b.OnLetrozoleRibociclibPack(),
        b => b.OnExemestane().WithCondition(ConditionKind.BreastCancer),
        b => b.OnAnastrozole().ConditionsUnavailable(),
    ]);

    [Fact]
    public void EveryResult_IsInAValuesTableOrNotUsed()
    {
        Gen.Select(Gen.Bool, Gen.Int[20, 80], Therapy, Lab.Array[0, 25], Dxa.Array[0, 12], OneOf(Triggers)).Sample((male, age, therapy, labs, dxa, trigger) =>
        {
            var builder = therapy(male ? FactsBuilder.Man(age) : FactsBuilder.Woman(age));
            var facts = builder.Build() with { Labs = labs.DistinctBy(l => l.SourceId).ToList(), Dxa = dxa.DistinctBy(d => d.SourceId).ToList() };
            var result = new RuleEngine(new RuleOptions()).Evaluate(new EvaluationRequest(trigger, facts, FactsBuilder.Now));
            NotUsedTests.AssertEveryResultAccountedFor(result, facts);
        }, iter: 2_000);
    }
}
