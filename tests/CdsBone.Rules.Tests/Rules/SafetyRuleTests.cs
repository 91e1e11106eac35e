using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Rules;

public sealed class SafetyRuleTests
{
    [Fact]
    public void S1_CodedPregnancy_StopsTheAi()
    {
        var result = FactsBuilder.Woman(35).OnAnastrozole().WithCondition(ConditionKind.Pregnancy).WithCondition(ConditionKind.Postmenopausal)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        var s1 = result.Fired(RuleId.S1);
        Assert.Equal(Indicator.Critical, s1.Indicator);
        Assert.Equal(Recommendation.Stop, s1.Recommendation);
        Assert.IsType<StopActiveOrder>(Assert.Single(s1.Actions));
    }

    [Theory]
    [InlineData(25, 30, true)]
    [InlineData(24.9, 30, false)]
    [InlineData(100, 31, false)]
    public void S1_PositiveHcgWithinWindow_DoesNotStart(double miuMl, int daysAgo, bool fires)
    {
        var result = FactsBuilder.Woman(65).OrderingAnastrozole().WithHcg((decimal)miuMl, daysAgo).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.S1));
        if (fires)
        {
            Assert.Equal(Recommendation.DoNotStart, result.Fired(RuleId.S1).Recommendation);
            Assert.IsType<RemoveDraftOrder>(Assert.Single(result.Fired(RuleId.S1).Actions));
        }
    }

    [Fact]
    public void S1_PendingPositiveHcg_StillStops()
    {
        var result = FactsBuilder.Woman(65).OnAnastrozole().WithHcg(300m, 1, ResultStatus.Preliminary).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        result.Fired(RuleId.S1);
    }

    [Fact]
    public void S1_QualitativePositiveHcg_Stops()
    {
        var result = FactsBuilder.Woman(65).OnAnastrozole().WithQualitativeHcg(true, 2).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        result.Fired(RuleId.S1);
    }

    [Theory]
    [InlineData(45, true)]
    [InlineData(49, true)]
    [InlineData(60, false)]
    public void S2_PremenopausalWithoutOvarianSuppression_IsCritical(int age, bool fires)
    {
        var result = FactsBuilder.Woman(age).OrderingAnastrozole().WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var critical = result.Findings.Any(f => f.RuleId == RuleId.S2 && f.Indicator == Indicator.Critical);
        Assert.Equal(fires, critical);
    }

    [Fact]
    public void S2_PremenopausalWithGnrhAgonist_IsSilent()
    {
        var result = FactsBuilder.Woman(42).OnAnastrozole().On(TherapyClass.GnrhAgonist, "goserelin").WithCondition(ConditionKind.BreastCancer)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.S2);
        result.Fired(RuleId.T5);
    }

    [Fact]
    public void S2_UnknownMenopausalStatus_AsksForFshAndE2()
    {
        var s2 = FactsBuilder.Woman(55).OrderingAnastrozole().WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate().Fired(RuleId.S2);

        Assert.Equal(Recommendation.ObtainLabs, s2.Recommendation);
        Assert.Equal(Indicator.Warning, s2.Indicator);
        Assert.Contains(s2.Actions, a => a is OrderTest { Test: LabTest.Fsh });
    }

    [Theory]
    [InlineData(30, 29.9, true)]
    [InlineData(29.9, 29.9, false)]
    [InlineData(30, 30, false)]
    public void S2_HighFshAndLowE2_MakePostmenopausal(double fsh, double e2, bool postmenopausal)
    {
        var result = FactsBuilder.Woman(55).OrderingAnastrozole().WithFsh((decimal)fsh, 10).WithE2((decimal)e2, 10)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Equal(postmenopausal, !result.Findings.Any(f => f.RuleId == RuleId.S2));
    }

    [Fact]
    public void S2_CodedPostmenopausalOrOophorectomy_IsSilent()
    {
        FactsBuilder.Woman(52).OrderingAnastrozole().WithCondition(ConditionKind.Postmenopausal).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .Evaluate().DidNotFire(RuleId.S2);
        FactsBuilder.Woman(45).OrderingAnastrozole().WithCondition(ConditionKind.BilateralOophorectomy, ConditionClinicalStatus.Inactive)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate().DidNotFire(RuleId.S2);
    }

    [Theory]
    [InlineData(-2.5, true)]
    [InlineData(-2.4, false)]
    public void S3_OsteoporoticTScore_Stops(double tScore, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.TotalHip, (decimal)tScore, 100)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.S3));
        if (fires)
        {
            Assert.Equal(Recommendation.Stop, result.Decisions[0].Recommendation);
            Assert.Equal(Indicator.Critical, result.Decisions[0].Indicator);
        }
        else
        {
            result.Fired(RuleId.A4);
        }
    }

    [Fact]
    public void S3_OsteoporosisCondition_Stops()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithCondition(ConditionKind.Osteoporosis).Evaluate();

        result.Fired(RuleId.S3);
    }

    [Fact]
    public void S3_ResolvedOsteoporosisCondition_IsSilent()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithCondition(ConditionKind.Osteoporosis, ConditionClinicalStatus.Inactive)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.S3);
    }

    [Fact]
    public void S3_WomanWithUnknownOncologyContext_GoesToTheLabsCardWithoutStop()
    {
        var result = FactsBuilder.Woman(66).OnAnastrozole().WithTScore(BoneSite.LumbarSpine, -2.8m, 100).ConditionsUnavailable().Evaluate(HookTrigger.PatientView);

        var s3 = result.Fired(RuleId.S3);
        Assert.Equal(Recommendation.ObtainLabs, s3.Recommendation);
        Assert.DoesNotContain(result.Decisions, d => d.Recommendation is Recommendation.Stop or Recommendation.ReduceDose);
    }

    [Theory]
    [InlineData(9.9, RuleId.S4)]
    [InlineData(10, RuleId.S5)]
    [InlineData(19.9, RuleId.S5)]
    [InlineData(20, RuleId.A1)]
    public void S4S5_EstradiolBands_FireAtTheirBoundaries(double e2, RuleId expected)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2((decimal)e2, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(expected);
        foreach (var other in new[] { RuleId.S4, RuleId.S5, RuleId.A1 }.Where(r => r != expected))
        {
            result.DidNotFire(other);
        }
    }

    [Fact]
    public void S4_IsCriticalAndS5IsWarning()
    {
        Assert.Equal(Indicator.Critical, FactsBuilder.Man().OnAnastrozole().WithE2(5m, 10).Evaluate().Fired(RuleId.S4).Indicator);
        Assert.Equal(Indicator.Warning, FactsBuilder.Man().OnAnastrozole().WithE2(15m, 10).Evaluate().Fired(RuleId.S5).Indicator);
    }

    [Fact]
    public void S5_NewerLowImmunoassay_FiresDespiteNormalSensitiveResult()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 40).WithE2(15m, 5, AssayClass.Immunoassay)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var s5 = result.Fired(RuleId.S5);
        Assert.Contains("immunoassay", s5.Summary, StringComparison.Ordinal);
        result.DidNotFire(RuleId.N1);
    }

    [Fact]
    public void S5_OlderLowImmunoassay_DoesNotOverrideNewerSensitive()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 5).WithE2(15m, 40, AssayClass.Immunoassay)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.S5);
    }

    [Fact]
    public void S5_ForWoman_IsSilent()
    {
        var result = FactsBuilder.Woman(65).OnAnastrozole().WithE2(5m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.S4);
        result.DidNotFire(RuleId.S5);
    }

    [Fact]
    public void S5_SummaryNamesTheDecisiveValue()
    {
        var s5 = FactsBuilder.Man().OnAnastrozole().WithE2(14m, 12).Evaluate().Fired(RuleId.S5);

        Assert.Equal("Stop anastrozole: estradiol 14 pg/mL (LC-MS/MS, 12 days ago) is below 20 pg/mL", s5.Summary);
    }
}
