using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Rules;

public sealed class DataQualityRuleTests
{
    [Theory]
    [InlineData(ResultStatus.EnteredInError)]
    [InlineData(ResultStatus.Cancelled)]
    public void D1_InvalidStatus_IsIgnoredAndDecidesNothing(ResultStatus status)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(8m, 10, status: status).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.S4);
        result.Fired(RuleId.M1);
        var ignored = Assert.Single(result.Ignored, i => i.Evidence.Analyte == "estradiol");
        Assert.Equal(RuleId.D1, ignored.RuleId);
        Assert.Contains(RuleId.D1, result.Card(Recommendation.ObtainLabs).RuleIds);
    }

    [Fact]
    public void D2_UnmappableUnit_MakesValueUnusableAndAsksForTheTest()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(62m, 10, unitProblem: "unit 'pmol/ml?' is not a UCUM unit")
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var d2 = result.Fired(RuleId.D2);
        Assert.Equal(Recommendation.ObtainLabs, d2.Recommendation);
        Assert.Equal(Indicator.Info, d2.Indicator);
        Assert.Contains(d2.Actions, a => a is OrderTest { Test: LabTest.SensitiveEstradiol });
        result.DidNotFire(RuleId.S5);
    }

    [Fact]
    public void D2_FutureDatedResult_IsUnusable()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(8m, -3).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Contains("dated after now", result.Fired(RuleId.D2).Reason, StringComparison.Ordinal);
        result.DidNotFire(RuleId.S4);
    }

    [Fact]
    public void D2_StaleUnusableResult_IsNotReported()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithE2(62m, 200, unitProblem: "bad unit")
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.D2);
    }

    [Theory]
    [InlineData(100_001, true)]
    [InlineData(100_000, false)]
    public void D4_ValueOutsidePlausibleRange_IsUnusable(double pgMl, bool fires)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2((decimal)pgMl, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.D4));
    }

    [Fact]
    public void D4_ImplausibleTScore_IsUnusable()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, -7m, 100).Evaluate();

        result.Fired(RuleId.D4);
        result.Fired(RuleId.M3);
        result.DidNotFire(RuleId.S3);
    }

    [Theory]
    [InlineData(Comparator.LessThan, 5, RuleId.S4)]
    [InlineData(Comparator.LessOrEqual, 10, RuleId.S4)]
    [InlineData(Comparator.LessThan, 15, RuleId.S5)]
    [InlineData(Comparator.LessThan, 20, RuleId.S5)]
    public void D3_UpperBound_CountsAsLow(Comparator comparator, int bound, RuleId expected)
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(bound, 10, comparator: comparator).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(expected);
        Assert.Contains(RuleId.D3, result.Card(Recommendation.Stop).RuleIds);
    }

    [Fact]
    public void D3_UpperBoundAboveLowLimit_DecidesNothingAndAsksForLcMsMs()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 10, comparator: Comparator.LessThan).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.DidNotFire(RuleId.S5);
        result.DidNotFire(RuleId.N1);
        result.Fired(RuleId.M2);
    }

    [Fact]
    public void D3_LowerBoundAboveHighLimit_CountsAsHigh()
    {
        var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(60m, 10, comparator: Comparator.GreaterThan)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(RuleId.T2);
    }

    [Fact]
    public void StaleResult_IsListedAsIgnored()
    {
        var result = FactsBuilder.Man().OnAnastrozole().WithE2(30m, 91).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        result.Fired(RuleId.M1);
        Assert.Contains(result.Ignored, i => i.Reason == IgnoredReason.Stale && i.Evidence.Analyte == "estradiol");
    }
}
