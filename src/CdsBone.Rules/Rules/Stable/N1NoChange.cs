using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Stable;

/// <summary>
/// N1: a man on an AI, outside oncology, stable: no S-rule, a sensitive deciding E2 at or above the low-normal limit,
/// no falling trend, no BMD loss, bone shown normal within the DXA window, CTx within range or absent [E1].
/// </summary>
public sealed class N1NoChange : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.N1;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !context.OnAi || !picture.OutsideOncology || context.AnySafetyRuleFired
            || context.HasFired(RuleId.A2) || context.HasFired(RuleId.A3) || context.HasFired(RuleId.A5) || context.HasFired(RuleId.A6)
            || picture.Bone.LargestLoss is { IsSignificantLoss: true }
            || picture.Estradiol.Deciding is not { Assay: AssayClass.Sensitive } e2
            || picture.Estradiol.MaleBand(e2) is not (EstradiolBand.Normal or EstradiolBand.High)
            || !picture.Bone.IsShownNormal(context.Options))
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        var advice = new List<string> { $"Sensitive estradiol every 3–6 months; DXA every {context.Options.DxaWindowDays / 365} years." };
        if (picture.Estradiol.MaleBand(e2) == EstradiolBand.High)
        {
            advice.Add($"Estradiol is above {RuleContext.Limit(picture.Estradiol.MaleHighLimit(e2), e2.Unit)}: review the testosterone dose rather than raising {agent}.");
        }

        var bone = picture.Bone.LowestT ?? picture.Bone.LowestZ;
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.NoChange,
            Indicator = Indicator.Info,
            Summary = $"Continue {agent}: {context.ValueText(e2)}, bone stable",
            Reason = $"N1: {context.ValueText(e2)} with no falling trend, and bone normal ({context.ValueText(bone!)}); stable on treatment.",
            // The BMD pair compared to find "no fall" is part of the decision, so it is in the values table.
            Evidence = RuleContext.Evidence(e2, bone, picture.Ctx, picture.Bone.LargestLoss?.Latest, picture.Bone.LargestLoss?.Earlier),
            Advice = advice,
        };
    }
}
