using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Evaluation;

public sealed class RuleEngineTests
{
    [Fact]
    public void Evaluate_NoAiOrderedOrActive_SaysNothing()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingTestosterone().WithE2(8m, 10).Evaluate();

        Assert.Equal(AiSituation.None, result.Situation);
        Assert.Empty(result.Decisions);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Evaluate_TestosteroneOrderWhileOnAi_EvaluatesTheActiveAi()
    {
        var result = FactsBuilder.Man().OnAnastrozole().OrderingTestosterone().WithE2(14m, 10).Evaluate();

        Assert.Equal(AiSituation.OnAi, result.Situation);
        var stop = result.Fired(RuleId.S5);
        Assert.IsType<StopActiveOrder>(Assert.Single(stop.Actions));
    }

    [Fact]
    public void Evaluate_OrderSelectWithoutAiSelected_SaysNothing()
    {
        var result = FactsBuilder.Man().OnAnastrozole().OrderingTestosterone().WithE2(14m, 10).Evaluate(HookTrigger.OrderSelect);

        Assert.Empty(result.Decisions);
    }

    [Fact]
    public void Evaluate_OrderSelect_GivesWhatOrderSignGives()
    {
        var builder = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100);

        var sign = builder.Evaluate(HookTrigger.OrderSign);
        var select = builder.Evaluate(HookTrigger.OrderSelect);

        Assert.Equal(sign.Decisions.Select(d => (d.Recommendation, d.Indicator, d.Summary)), select.Decisions.Select(d => (d.Recommendation, d.Indicator, d.Summary)));
    }

    [Fact]
    public void Evaluate_RenewalWhileOnAi_IsOnAiAndDeletesTheDraftOnStop()
    {
        var result = FactsBuilder.Man().OnAnastrozole().OrderingAnastrozole().WithE2(14m, 10).Evaluate();

        Assert.Equal(AiSituation.OnAi, result.Situation);
        Assert.IsType<RemoveDraftOrder>(Assert.Single(result.Card(Recommendation.Stop).Actions));
    }

    [Fact]
    public void Evaluate_OnHoldAi_CountsAsOnAi()
    {
        var result = FactsBuilder.Man().OnAnastrozole(status: TherapyStatus.OnHold).WithE2(14m, 10).Evaluate(HookTrigger.PatientView);

        Assert.Equal(AiSituation.OnAi, result.Situation);
    }

    [Fact]
    public void Evaluate_StoppedTestosterone_IsNotTrt()
    {
        var result = FactsBuilder.Man().OnTestosterone(TherapyStatus.Stopped).OrderingAnastrozole().WithE2(58m, 20).WithE2(52m, 52)
            .WithCondition(ConditionKind.Gynecomastia).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.T1);
    }

    [Fact]
    public void Precedence_StopOutranksProtectBoneWhichIsListedAsFurtherReason()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(14m, 10).WithTScore(BoneSite.LumbarSpine, -1.5m, 100).Evaluate();

        var decision = result.Decisions[0];
        Assert.Equal(Recommendation.Stop, decision.Recommendation);
        Assert.Equal([RuleId.S5, RuleId.A4], decision.Findings.Select(f => f.RuleId));
        Assert.Equal(Indicator.Warning, decision.Indicator);
    }

    [Fact]
    public void Precedence_CriticalSafetyRuleSuppressesStartConsider()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(58m, 20).WithE2(52m, 52)
            .WithCondition(ConditionKind.Gynecomastia).WithCondition(ConditionKind.Osteoporosis).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.T1);
        Assert.Equal(Recommendation.DoNotStart, result.Decisions[0].Recommendation);
        Assert.Equal(Indicator.Critical, result.Decisions[0].Indicator);
    }

    [Fact]
    public void Assembly_LabsFindingsMergeIntoOneCardAtTheMostSevereIndicator()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(30m, 10, AssayClass.Immunoassay).WithTotalT(900m, 10).Evaluate();

        var labs = result.Card(Recommendation.ObtainLabs);
        Assert.Equal(DecisionKind.Labs, labs.Kind);
        Assert.Equal(Indicator.Warning, labs.Indicator);
        Assert.Equal([RuleId.M2, RuleId.M4, RuleId.M5], labs.Findings.Select(f => f.RuleId).Order());
        Assert.Contains("more", labs.Summary, StringComparison.Ordinal);
        Assert.Equal(labs.Actions.Count, labs.Actions.OfType<OrderTest>().DistinctBy(o => o.Test).Count());
        Assert.True(result.Decisions.Count <= 3);
    }

    [Fact]
    public void Assembly_EveryMaleCardSaysOffLabel()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(14m, 10).Evaluate();

        Assert.All(result.Decisions, d => Assert.Contains(d.Notes, n => n.Text.Contains("off-label", StringComparison.Ordinal)));
    }

    [Fact]
    public void Assembly_ConditionsUnavailable_IsSaidOnTheCards()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(14m, 10).ConditionsUnavailable().Evaluate();

        Assert.All(result.Decisions, d => Assert.Contains(d.Notes, n => n.Text.Contains("Conditions could not be retrieved", StringComparison.Ordinal)));
        result.Fired(RuleId.S5);
    }

    [Fact]
    public void Assembly_TextRecognisedTherapy_IsSaid()
    {
        var facts = FactsBuilder.Man().WithE2(14m, 10).Build() with
        {
            Medications = [new Therapy("MedicationRequest/x", TherapyClass.AromataseInhibitor, Agents.Anastrozole, TherapyStatus.Active, null, RecognitionMethod.Text, "Anastrozole 0.5 mg (compounded)")],
        };

        var result = new RuleEngine(new()).Evaluate(new EvaluationRequest(HookTrigger.PatientView, facts, FactsBuilder.Now));

        Assert.Contains(result.Decisions[0].Notes, n => n.Text.Contains("by its text", StringComparison.Ordinal));
    }
}
