using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Rules;

public sealed class AdjustmentRuleTests
{
    [Theory]
    [InlineData(24.9, true)]
    [InlineData(25, false)]
    public void A1_LowNormalSensitiveE2OnAi_ReducesDose(double e2, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole(FactsBuilder.OneMgDaily).WithE2((decimal)e2, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .Evaluate(HookTrigger.PatientView);

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A1));
        if (fires)
        {
            var change = Assert.IsType<ChangeDose>(Assert.Single(result.Fired(RuleId.A1).Actions));
            Assert.False(change.IsDraft);
            Assert.Equal(FactsBuilder.TwiceWeekly, change.NewDose);
        }
    }

    [Fact]
    public void A1_ImmunoassayOnAi_DoesNotReduce()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(22m, 10, AssayClass.Immunoassay).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        result.DidNotFire(RuleId.A1);
        result.Fired(RuleId.M2);
    }

    [Fact]
    public void A1_BeingOrderedAnyAssay_DoesNotStart()
    {
        var a1 = FactsBuilder.Man().OrderingAnastrozole().WithE2(22m, 10, AssayClass.Immunoassay).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate().Fired(RuleId.A1);

        Assert.Equal(Recommendation.DoNotStart, a1.Recommendation);
        Assert.IsType<RemoveDraftOrder>(Assert.Single(a1.Actions));
    }

    [Theory]
    [InlineData(38, 26, 90, true)]
    [InlineData(38, 29, 90, false)]
    [InlineData(40, 30, 90, false)]
    [InlineData(40, 29, 30, true)]
    [InlineData(40, 29, 29, false)]
    [InlineData(40, 29, 181, false)]
    public void A2_FallingSensitiveTrend_ReducesDose(double earlier, double latest, int earlierDaysAgo, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2((decimal)latest, 16).WithE2((decimal)earlier, earlierDaysAgo)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A2));
    }

    [Fact]
    public void A2_UsesTheHighestEarlierValue()
    {
        var a2 = FactsBuilder.Man().OnAnastrozole().WithE2(28m, 10).WithE2(30m, 60).WithE2(40m, 120).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .Evaluate().Fired(RuleId.A2);

        Assert.Contains("fell 30%", a2.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A2_DraftDoseIsReducedOneStep()
    {
        var a2 = FactsBuilder.Man().OnAnastrozole().OrderingAnastrozole(FactsBuilder.TwiceWeekly).WithE2(26m, 17).WithE2(38m, 106)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate().Fired(RuleId.A2);

        var change = Assert.IsType<ChangeDose>(Assert.Single(a2.Actions));
        Assert.True(change.IsDraft);
        Assert.Equal(FactsBuilder.OnceWeekly, change.NewDose);
    }

    [Fact]
    public void ReduceDose_AtLowestStep_HasNoUpdateAction()
    {
        var a1 = FactsBuilder.Man().OnAnastrozole(FactsBuilder.OnceWeekly).WithE2(22m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .Evaluate(HookTrigger.PatientView).Fired(RuleId.A1);

        Assert.Empty(a1.Actions);
    }

    [Fact]
    public void ReduceDose_ForLetrozole_IsAdvisedInWordsOnly()
    {
        var a1 = FactsBuilder.Man().OnLetrozole().WithE2(22m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView).Fired(RuleId.A1);

        Assert.Empty(a1.Actions);
        Assert.Contains("letrozole", a1.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.970, true)]
    [InlineData(0.971, false)]
    public void A3_BmdFallAtOrAboveLsc_ReducesDose(double latest, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .WithBmd(BoneSite.LumbarSpine, 1.000m, 500).WithBmd(BoneSite.LumbarSpine, (decimal)latest, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A3));
        Assert.Equal(!fires, result.Findings.Any(f => f.RuleId == RuleId.N1));
    }

    [Fact]
    public void A3_FacilityLsc_IsUsedInsteadOfDefault()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .WithBmd(BoneSite.TotalHip, 1.000m, 500, facilityLsc: 0.015m).WithBmd(BoneSite.TotalHip, 0.984m, 100, facilityLsc: 0.015m).Evaluate();

        Assert.Contains("(facility)", result.Fired(RuleId.A3).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A3_DifferentDevices_AreNotCompared()
    {
        var result = FactsBuilder.Man().OnAnastrozole().OrderingAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .WithBmd(BoneSite.LumbarSpine, 1.000m, 500, "Hologic A").WithBmd(BoneSite.LumbarSpine, 0.900m, 100, "GE Lunar B").Evaluate();

        result.DidNotFire(RuleId.A3);
        Assert.Contains(result.Decisions.SelectMany(d => d.Notes), n => n.Text.Contains("different densitometers", StringComparison.Ordinal));
    }

    [Fact]
    public void A3_BmdOlderThanWindow_IsNotCompared()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .WithBmd(BoneSite.LumbarSpine, 1.100m, 731).WithBmd(BoneSite.LumbarSpine, 0.900m, 100).Evaluate();

        result.DidNotFire(RuleId.A3);
    }

    [Theory]
    [InlineData(-1.1, true)]
    [InlineData(-1.0, false)]
    [InlineData(-2.4, true)]
    [InlineData(-2.5, false)]
    public void A4_LowBoneMassOnAi_ProtectsBone(double lowestT, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, (decimal)lowestT, 100)
            .WithTScore(BoneSite.TotalHip, 0.5m, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A4));
    }

    [Fact]
    public void A4_DxaSitesDisagree_UsesTheLowestCentralSite()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0.8m, 100)
            .WithTScore(BoneSite.FemoralNeck, -1.6m, 100).WithTScore(BoneSite.Forearm, -2.7m, 100).Evaluate();

        Assert.Contains("femoral neck", result.Fired(RuleId.A4).Summary, StringComparison.Ordinal);
        result.DidNotFire(RuleId.S3);
    }

    [Fact]
    public void A4_ForearmOnly_IsUsedWhenNoCentralSite()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.Forearm, -2.7m, 100).Evaluate();

        result.Fired(RuleId.S3);
    }

    [Fact]
    public void A4_OnlyTheLatestStudyCounts()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, -1.5m, 400)
            .WithTScore(BoneSite.LumbarSpine, -0.5m, 100).Evaluate();

        result.DidNotFire(RuleId.A4);
        result.Fired(RuleId.N1);
    }

    [Theory]
    [InlineData(-2.0, true)]
    [InlineData(-1.9, false)]
    public void A4_OnlyZScores_LowZStandsInForLowBoneMass(double z, bool fires)
    {
        var result = FactsBuilder.Man(40).OnAnastrozole().OrderingAnastrozole().WithE2(30m, 10).WithZScore(BoneSite.LumbarSpine, (decimal)z, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A4));
        Assert.Equal(!fires, result.Findings.Any(f => f.RuleId == RuleId.N1));
        Assert.Contains(result.Decisions.SelectMany(d => d.Notes), n => n.Text.Contains("Z-score", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(741, true)]
    [InlineData(740, false)]
    public void A5_CtxAboveMaleDefault_ReducesDose(int ctx, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 500).WithCtx(ctx, 30).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A5));
        if (fires)
        {
            Assert.Contains(result.Fired(RuleId.A5).Actions, a => a is OrderTest { Test: LabTest.Dxa });
        }
    }

    [Fact]
    public void A5_LabRangeWinsOverDefault()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .WithCtx(650m, 30, [new ReferenceRange(100m, 600m, RangeAppliesTo.Male)]).Evaluate();

        var a5 = result.Fired(RuleId.A5);
        Assert.DoesNotContain(a5.Actions, a => a is OrderTest);
    }

    [Theory]
    [InlineData(1015, false)]
    [InlineData(1016, true)]
    public void A5_WomanUsesFemaleDefault(int ctx, bool fires)
    {
        var result = FactsBuilder.Woman(66).OnAnastrozole().WithTScore(BoneSite.LumbarSpine, 0m, 100).WithCtx(ctx, 30).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A5));
    }

    [Fact]
    public void A5_LowP1np_IsADetailLineOnly()
    {
        var result = FactsBuilder.Man().OnAnastrozole().OrderingAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).WithP1np(12m, 20).Evaluate();

        result.Fired(RuleId.N1);
        Assert.Contains(result.Decisions[0].Notes, n => n.Text.Contains("P1NP", StringComparison.Ordinal));
    }
}
