using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Rules;

public sealed class TreatmentRuleTests
{
    private static FactsBuilder StartCandidate(DoseRegimen? dose = null) => FactsBuilder.Man().OnTestosterone().OrderingAnastrozole(dose)
        .WithE2(58m, 20).WithE2(52m, 52).WithCondition(ConditionKind.Gynecomastia).WithTScore(BoneSite.LumbarSpine, -0.4m, 450)
        .WithTotalT(980m, 20).WithShbg(28m, 20).WithAlbumin(44m, 20);

    [Fact]
    public void T1_AllCriteriaMet_MayConsiderStart()
    {
        var result = StartCandidate().Evaluate();

        var t1 = result.Fired(RuleId.T1);
        Assert.Equal(Indicator.Info, t1.Indicator);
        Assert.Equal(Recommendation.StartConsider, result.Decisions[0].Recommendation);
        Assert.Empty(t1.Actions);
        Assert.Contains(t1.Advice, a => a.Contains("lower the testosterone dose", StringComparison.Ordinal));
        result.DidNotFire(RuleId.T2);
    }

    [Fact]
    public void T1_HigherDraftDose_SuggestsTheLowestDose()
    {
        var t1 = StartCandidate(FactsBuilder.OneMgDaily).Evaluate().Fired(RuleId.T1);

        var change = Assert.IsType<ChangeDose>(Assert.Single(t1.Actions));
        Assert.Equal(FactsBuilder.TwiceWeekly, change.NewDose);
    }

    [Fact]
    public void T1_SymptomOnlyByText_IsNotMet()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(58m, 20).WithE2(52m, 52)
            .WithCondition(ConditionKind.Gynecomastia, recognisedBy: RecognitionMethod.Text).WithTScore(BoneSite.LumbarSpine, -0.4m, 450).Evaluate();

        result.DidNotFire(RuleId.T1);
        Assert.Contains("no coded estrogen-excess symptom", result.Fired(RuleId.T2).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, false)]
    [InlineData(14, true)]
    public void T1_ConfirmingResult_MustBeAtLeast14DaysEarlier(int daysBetween, bool met)
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(58m, 20).WithE2(52m, 20 + daysBetween)
            .WithCondition(ConditionKind.Mastodynia).WithTScore(BoneSite.LumbarSpine, -0.4m, 450).Evaluate();

        Assert.Equal(met, result.Findings.Any(f => f.RuleId == RuleId.T1));
        Assert.Equal(!met, result.Findings.Any(f => f.RuleId == RuleId.T2));
    }

    [Fact]
    public void T1_ConfirmingResultNotHigh_IsNotMet()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(58m, 20).WithE2(40m, 52)
            .WithCondition(ConditionKind.Gynecomastia).WithTScore(BoneSite.LumbarSpine, -0.4m, 450).Evaluate();

        Assert.Contains("single high result", result.Fired(RuleId.T2).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void T1_NotOnTrt_IsNotMet()
    {
        var result = FactsBuilder.Man().OrderingAnastrozole().WithE2(58m, 20).WithE2(52m, 52)
            .WithCondition(ConditionKind.Gynecomastia).WithTScore(BoneSite.LumbarSpine, -0.4m, 450).Evaluate();

        Assert.Contains("not on testosterone", result.Fired(RuleId.T2).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void T1_LowBoneMass_IsNotMet()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(58m, 20).WithE2(52m, 52)
            .WithCondition(ConditionKind.Gynecomastia).WithTScore(BoneSite.LumbarSpine, -1.1m, 450).Evaluate();

        Assert.Contains("bone not shown normal", result.Fired(RuleId.T2).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void T1_ImmunoassayHigh_IsNotMetAndAsksForLcMsMs()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(58m, 20, AssayClass.Immunoassay)
            .WithE2(52m, 52, AssayClass.Immunoassay).WithCondition(ConditionKind.Gynecomastia).WithTScore(BoneSite.LumbarSpine, -0.4m, 450).Evaluate();

        result.Fired(RuleId.T2);
        result.Fired(RuleId.M2);
    }

    [Fact]
    public void T1_InOncologyContext_IsSilent()
    {
        var result = StartCandidate().WithCondition(ConditionKind.BreastCancer, ConditionClinicalStatus.Inactive).Evaluate();

        result.DidNotFire(RuleId.T1);
        result.Fired(RuleId.T5);
    }

    [Theory]
    [InlineData(42, RuleId.T6)]
    [InlineData(25, RuleId.T6)]
    [InlineData(42.1, RuleId.T2)]
    [InlineData(24.9, RuleId.A1)]
    public void T6T2_StartWithoutHighE2_DoesNotStart(double e2, RuleId expected)
    {
        var result = FactsBuilder.Man().OrderingAnastrozole().WithE2((decimal)e2, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var finding = result.Fired(expected);
        Assert.Equal(Recommendation.DoNotStart, finding.Recommendation);
        Assert.IsType<RemoveDraftOrder>(Assert.Single(finding.Actions));
    }

    [Fact]
    public void T6_LabHighLimit_WinsOverDefault()
    {
        var result = FactsBuilder.Man().OrderingAnastrozole()
            .WithE2(45m, 10, ranges: [new ReferenceRange(10m, 50m, RangeAppliesTo.Male)]).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(RuleId.T6);
    }

    [Fact]
    public void T6_FemaleOnlyRange_IsNotUsedForAMan()
    {
        var result = FactsBuilder.Man().OrderingAnastrozole()
            .WithE2(45m, 10, ranges: [new ReferenceRange(30m, 100m, RangeAppliesTo.Female)]).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(RuleId.T2);
    }

    [Fact]
    public void T3_FertilityProtocol_AddsAContextLineOnly()
    {
        var result = FactsBuilder.Man(34).On(TherapyClass.FertilityAgent, "clomiphene").OnAnastrozole().WithE2(14m, 12).Evaluate();

        var stop = result.Card(Recommendation.Stop);
        Assert.Contains(RuleId.T3, stop.RuleIds);
        Assert.Contains(stop.Notes, n => n.RuleId == RuleId.T3);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.T3);
    }

    [Fact]
    public void T3_FertilityAgentWithTrt_IsNotAProtocol()
    {
        var result = FactsBuilder.Man(34).On(TherapyClass.FertilityAgent, "hcg").OnTestosterone().OnAnastrozole().WithE2(14m, 12).Evaluate();

        Assert.DoesNotContain(result.Decisions.SelectMany(d => d.Notes), n => n.RuleId == RuleId.T3);
    }

    [Theory]
    [InlineData(21.1, true)]
    [InlineData(21, false)]
    public void T4_PostmenopausalWomanOnTestosteroneWithHighE2_DoesNotStart(double e2, bool fires)
    {
        var result = FactsBuilder.Woman(65).OnTestosterone().OrderingAnastrozole().WithE2((decimal)e2, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.T4));
    }

    [Fact]
    public void T5_OncologyContext_DefersWithInfo()
    {
        var result = FactsBuilder.Woman(63).OnAnastrozole().WithCondition(ConditionKind.BreastCancer).WithTScore(BoneSite.LumbarSpine, -1.7m, 100)
            .Evaluate();

        var context = result.Card(Recommendation.DeferToOncology);
        Assert.Equal(DecisionKind.Context, context.Kind);
        Assert.Equal(Indicator.Info, context.Indicator);
        result.DidNotFire(RuleId.A4);
    }

    [Theory]
    [InlineData(-2.1, Indicator.Warning)]
    [InlineData(-2.0, Indicator.Info)]
    public void T5_LowTScore_RaisesToWarning(double t, Indicator expected)
    {
        var result = FactsBuilder.Woman(63).OnAnastrozole().WithCondition(ConditionKind.BreastCancer).WithTScore(BoneSite.LumbarSpine, (decimal)t, 100)
            .Evaluate();

        Assert.Equal(expected, result.Fired(RuleId.T5).Indicator);
        result.DidNotFire(RuleId.S3);
    }

    [Fact]
    public void T5_OsteoporosisOrBmdLoss_RaisesToWarning()
    {
        Assert.Equal(Indicator.Warning, FactsBuilder.Woman(63).OnAnastrozole().WithCondition(ConditionKind.BreastCancer)
            .WithCondition(ConditionKind.FragilityFracture).Evaluate().Fired(RuleId.T5).Indicator);
        Assert.Equal(Indicator.Warning, FactsBuilder.Woman(63).OnAnastrozole().WithCondition(ConditionKind.BreastCancer)
            .WithBmd(BoneSite.TotalHip, 0.9m, 400).WithBmd(BoneSite.TotalHip, 0.86m, 20).Evaluate().Fired(RuleId.T5).Indicator);
    }
}
