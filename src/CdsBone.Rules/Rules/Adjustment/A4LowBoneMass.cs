using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Rules.Safety;

namespace CdsBone.Rules.Rules.Adjustment;

/// <summary>
/// A4: on an AI, outside oncology, −2.5 &lt; lowest T &lt; −1.0 (or lowest Z ≤ −2.0 with only Z-scores): protect bone
/// (AIBL algorithm, derived in women and applied by analogy) [E9, E10].
/// </summary>
public sealed class A4LowBoneMass : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.A4;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!context.OnAi || (!picture.OutsideOncology && !picture.BoneAdviceOnlyAsLabs))
        {
            yield break;
        }

        var options = context.Options;
        var bone = picture.Bone;
        var score = bone.LowestT is { Value: { } t } && t > options.OsteoporosisTScore && t < options.LowBoneMassTScore ? bone.LowestT
            : bone.OnlyZScores && bone.LowestZ is { Value: { } z } && z <= options.LowZScore ? bone.LowestZ
            : null;
        if (score is null)
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        var antiresorptive = $"consider an antiresorptive if T < {Describe.Number(options.AntiresorptiveTScore)} (or < {Describe.Number(options.AntiresorptiveWithRiskFactorTScore)} with one more risk factor)";
        var advice = $"Reassess the need for {agent}; calcium, vitamin D and exercise; DXA every {options.DxaWindowDays / 365} years; {antiresorptive}.";
        var because = $"lowest {context.ValueText(score)} is low bone mass";
        if (picture.BoneAdviceOnlyAsLabs)
        {
            yield return BoneFindingAsLabs.Create(Id, Indicator.Warning, $"Low bone mass on {agent}: {context.ValueText(score)}", because, score, advice);
            yield break;
        }

        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ProtectBone,
            Indicator = Indicator.Warning,
            Summary = $"Protect bone on {agent}: {because}",
            Reason = $"A4: {because} on an aromatase inhibitor.",
            Evidence = RuleContext.Evidence(score),
            Advice = [advice],
        };
    }
}
