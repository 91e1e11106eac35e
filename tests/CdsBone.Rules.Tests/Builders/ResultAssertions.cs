using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Tests.Builders;

internal static class ResultAssertions
{
    public static RuleFinding Fired(this EvaluationResult result, RuleId id)
    {
        var finding = result.Findings.FirstOrDefault(f => f.RuleId == id);
        Assert.True(finding is not null, $"expected {id} to fire; fired: {string.Join(", ", result.FiredRuleIds)}");
        return finding!;
    }

    public static void DidNotFire(this EvaluationResult result, RuleId id) =>
        Assert.False(result.Findings.Any(f => f.RuleId == id), $"expected {id} not to fire; fired: {string.Join(", ", result.FiredRuleIds)}");

    public static Decision Card(this EvaluationResult result, Recommendation recommendation)
    {
        var decision = result.Decisions.FirstOrDefault(d => d.Recommendation == recommendation);
        Assert.True(decision is not null, $"expected a {recommendation.ToCode()} card; got: {string.Join(", ", result.Decisions.Select(d => d.Recommendation.ToCode()))}");
        return decision!;
    }
}
