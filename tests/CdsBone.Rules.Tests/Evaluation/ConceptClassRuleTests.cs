using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Evaluation;

/// <summary>What the new concept classes change in the rules: co-packs set the oncology context; premature menopause.</summary>
public sealed class ConceptClassRuleTests
{
    [Fact]
    public void BreastCancerOnlyProduct_SetsTheOncologyContext()
    {
        var result = FactsBuilder.Woman(63).OnLetrozoleRibociclibPack().WithTScore(BoneSite.LumbarSpine, -2.7m, 100).Evaluate(HookTrigger.PatientView);

        result.Fired(RuleId.T5);
        result.DidNotFire(RuleId.S3);
    }

    [Fact]
    public void PrematureMenopause_WithoutFshEvidence_LeavesTheStatusUnknown()
    {
        var result = FactsBuilder.Woman(45).OrderingAnastrozole().WithCondition(ConditionKind.PrematureMenopause)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var s2 = result.Fired(RuleId.S2);
        Assert.Equal(Recommendation.ObtainLabs, s2.Recommendation);
    }

    [Fact]
    public void PrematureMenopause_WithHighFshAndLowE2_IsPostmenopausal()
    {
        var result = FactsBuilder.Woman(45).OrderingAnastrozole().WithCondition(ConditionKind.PrematureMenopause)
            .WithFsh(60m, 20).WithE2(10m, 20).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.S2);
    }
}
