using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Safety;

/// <summary>S1: a woman on or starting an AI who is pregnant (active 77386006, or a positive hCG, final or pending): embryo-fetal toxicity [E12].</summary>
public sealed class S1Pregnancy : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.S1;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsFemale)
        {
            yield break;
        }

        var condition = picture.ActiveCondition(ConditionKind.Pregnancy);
        var hcg = picture.PositiveHcg;
        if (condition is null && hcg is null)
        {
            yield break;
        }

        var because = hcg is not null ? $"positive {context.ValueText(hcg)}" : "pregnancy recorded";
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = context.StopOrDoNotStart,
            Indicator = Indicator.Critical,
            Summary = $"{context.StopVerb}: pregnancy ({because})",
            Reason = $"S1: pregnancy ({because}{(condition is not null ? $"; condition {condition.SourceId}" : string.Empty)}); aromatase inhibitors cause embryo-fetal toxicity.",
            Evidence = RuleContext.Evidence(hcg),
            Actions = context.StopActions(),
        };
    }
}
