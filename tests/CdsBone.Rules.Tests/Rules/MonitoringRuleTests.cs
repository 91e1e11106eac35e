using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Rules;

public sealed class MonitoringRuleTests
{
    [Theory]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void M1_NoEstradiolWithinWindow_AsksForSensitiveE2(int daysAgo, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, daysAgo).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.M1));
        if (fires)
        {
            Assert.Equal(Indicator.Warning, result.Fired(RuleId.M1).Indicator);
        }
    }

    [Fact]
    public void M1_InOncologyContext_IsSilent()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithCondition(ConditionKind.BreastCancer).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.M1);
        result.Fired(RuleId.T5);
    }

    [Fact]
    public void M6_OnlyPendingEstradiol_ReplacesM1()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(8m, 3, status: ResultStatus.Preliminary).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(RuleId.M6);
        result.DidNotFire(RuleId.M1);
        result.DidNotFire(RuleId.S4);
        Assert.Equal("preliminary", Assert.Single(result.Fired(RuleId.M6).Evidence).Status);
    }

    [Fact]
    public void M6_PendingFshForWomanOfUnknownStatus_AsksToAwait()
    {
        var result = FactsBuilder.Woman(55).OnAnastrozole().WithFsh(40m, 2, ResultStatus.Registered).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(RuleId.M6);
        result.Fired(RuleId.S2);
    }

    [Theory]
    [InlineData(true, Indicator.Warning)]
    [InlineData(false, Indicator.Info)]
    public void M2_ImmunoassayDecidingE2_AsksForLcMsMs(bool beingOrdered, Indicator expected)
    {
        var builder = FactsBuilder.Man().WithE2(30m, 10, AssayClass.Immunoassay).WithTScore(BoneSite.LumbarSpine, 0m, 100);
        builder = beingOrdered ? builder.OrderingAnastrozole() : builder.OnAnastrozole();

        var m2 = builder.Evaluate().Fired(RuleId.M2);

        Assert.Equal(expected, m2.Indicator);
        Assert.Contains(m2.Actions, a => a is OrderTest { Test: LabTest.SensitiveEstradiol });
    }

    [Fact]
    public void M2_SensitiveResultInWindow_WinsOverNewerImmunoassay()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(35m, 5, AssayClass.Immunoassay).WithE2(30m, 20)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.M2);
        result.Fired(RuleId.N1);
    }

    [Theory]
    [InlineData(730, false)]
    [InlineData(731, true)]
    public void M3_OnAiWithoutDxaInWindow_AsksForDxa(int daysAgo, bool fires)
    {
        var result = FactsBuilder.Woman(65).OnAnastrozole().WithTScore(BoneSite.TotalHip, -0.5m, daysAgo).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.M3));
    }

    [Fact]
    public void M4_StartWithoutDxa_AsksForBaseline()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(50m, 10).Evaluate();

        var m4 = result.Fired(RuleId.M4);
        Assert.Equal(Indicator.Warning, m4.Indicator);
        Assert.Contains(m4.Actions, a => a is OrderTest { Test: LabTest.Dxa });
        result.DidNotFire(RuleId.M3);
    }

    [Fact]
    public void M5_ShbgMissing_AsksForShbgAndComputesNoFreeT()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(50m, 10).WithTotalT(1000m, 10).WithAlbumin(44m, 10)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var m5 = result.Fired(RuleId.M5);
        Assert.Single(m5.Actions);
        Assert.Contains(m5.Actions, a => a is OrderTest { Test: LabTest.Shbg });
        Assert.DoesNotContain(result.Decisions.SelectMany(d => d.Notes), n => n.Text.Contains("Calculated free testosterone", StringComparison.Ordinal));
    }

    [Fact]
    public void M5_StaleAlbumin_AsksForAlbumin()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(50m, 10).WithTotalT(1000m, 10).WithShbg(30m, 10)
            .WithAlbumin(44m, 181).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Contains(result.Fired(RuleId.M5).Actions, a => a is OrderTest { Test: LabTest.Albumin });
    }

    [Fact]
    public void M5_CompletePanel_IsSilentAndFreeTIsShown()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(50m, 10).WithTotalT(650m, 10).WithShbg(35m, 10)
            .WithAlbumin(43m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.M5);
        var decision = result.Decisions.First(d => d.Kind == DecisionKind.Decision);
        var freeT = Assert.Single(decision.Evidence, e => e.Status == "calculated");
        Assert.Equal(138m, Math.Round(freeT.Value!.Value));
        Assert.Equal(3, freeT.DerivedFrom!.Count);
    }
}
