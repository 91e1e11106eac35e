using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Evaluation;

/// <summary>Every recognised result is in a values table or in the "Not used" list, with a reason (§5 Definitions).</summary>
public sealed class NotUsedTests
{
    [Fact]
    public void ForearmBesideCentralSites_IsListedAsNotUsed()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole().WithE2(30m, 10)
            .WithTScore(BoneSite.LumbarSpine, -1.5m, 100).WithTScore(BoneSite.TotalHip, -1.2m, 100).WithTScore(BoneSite.Forearm, -3.0m, 100)
            .Evaluate(HookTrigger.PatientView);

        var forearm = Assert.Single(result.Ignored, i => i.Evidence.Analyte == "forearm T-score");
        Assert.Equal(IgnoredReason.ForearmNotUsed, forearm.Reason);
        var table = result.Card(Recommendation.ProtectBone).Evidence.Select(e => e.Analyte).ToList();
        Assert.Contains("lumbar spine T-score", table);
        Assert.Contains("total hip T-score", table);
    }

    [Fact]
    public void ImmunoassayNewerThanTheDecidingSensitiveE2_IsListedWithWhy()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole().WithE2(30m, 20).WithE2(35m, 5, AssayClass.Immunoassay)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        var immunoassay = Assert.Single(result.Ignored, i => i.Evidence.Assay == "immunoassay");
        Assert.Equal(IgnoredReason.OtherAssayDecides, immunoassay.Reason);
        Assert.Contains("newer immunoassay", immunoassay.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void UsableResultsNoRuleNeeded_AreListed()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole().WithE2(30m, 20).WithE2(31m, 40).WithCtx(300m, 30)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).WithTScore(BoneSite.LumbarSpine, 0.2m, 600).Evaluate(HookTrigger.OrderSign);

        AssertEveryResultAccountedFor(result, FactsBuilder.Man(60).OnAnastrozole().WithE2(30m, 20).WithE2(31m, 40).WithCtx(300m, 30)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).WithTScore(BoneSite.LumbarSpine, 0.2m, 600).Build());
    }

    internal static void AssertEveryResultAccountedFor(EvaluationResult result, ClinicalFacts facts)
    {
        if (result.Decisions.Count == 0)
        {
            return;
        }

        var accounted = result.Decisions.SelectMany(d => d.Evidence).Select(e => e.Source)
            .Concat(result.Ignored.Select(i => i.Evidence.Source))
            .ToHashSet(StringComparer.Ordinal);
        var missing = facts.Labs.Select(l => l.SourceId).Concat(facts.Dxa.Select(d => d.SourceId)).Where(id => !accounted.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"not in a values table nor in Not used: {string.Join(", ", missing)}");
        Assert.All(result.Decisions, d => Assert.Same(result.Ignored, d.Ignored));
    }
}
