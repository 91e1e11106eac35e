using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Rules;

public sealed class StableRuleTests
{
    [Fact]
    public void N1_StableOnAi_NoChange()
    {
        var result = FactsBuilder.Man().OnAnastrozole().OrderingAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, -0.5m, 300).Evaluate();

        var card = Assert.Single(result.Decisions);
        Assert.Equal(Recommendation.NoChange, card.Recommendation);
        Assert.Equal(Indicator.Info, card.Indicator);
    }

    [Fact]
    public void N1_HighE2OnAi_AdvisesReviewingTestosterone()
    {
        var n1 = FactsBuilder.Man().OnAnastrozole().WithE2(50m, 10).WithTScore(BoneSite.LumbarSpine, -0.5m, 300).Evaluate().Fired(RuleId.N1);

        Assert.Contains(n1.Advice, a => a.Contains("review the testosterone dose", StringComparison.Ordinal));
    }

    [Fact]
    public void N1_WithoutDxa_IsSilentAndM3Asks()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).Evaluate();

        result.DidNotFire(RuleId.N1);
        result.Fired(RuleId.M3);
    }

    [Fact]
    public void N1_HighCtx_IsSilent()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, -0.5m, 300).WithCtx(900m, 10).Evaluate();

        result.DidNotFire(RuleId.N1);
        result.Fired(RuleId.A5);
    }

    [Fact]
    public void N1_InPatientView_IsNotShown()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, -0.5m, 300).Evaluate(HookTrigger.PatientView);

        result.Fired(RuleId.N1);
        Assert.Empty(result.Decisions);
    }
}
