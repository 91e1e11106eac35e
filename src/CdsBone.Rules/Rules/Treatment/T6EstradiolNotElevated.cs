using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Treatment;

/// <summary>
/// T6: a man for whom an AI is being ordered, outside oncology, with the deciding E2 not elevated (low-normal limit to
/// high limit) and no S-rule: an AI offers no benefit and costs bone; the seed starts AIs only for a high E2 [E1, E3].
/// </summary>
public sealed class T6EstradiolNotElevated : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.T6;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !context.BeingOrdered || !picture.OutsideOncology || context.AnySafetyRuleFired
            || picture.Estradiol.Deciding is not { } e2 || picture.Estradiol.MaleBand(e2) != EstradiolBand.Normal)
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        var high = RuleContext.Limit(picture.Estradiol.MaleHighLimit(e2), e2.Unit);
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.DoNotStart,
            Indicator = Indicator.Warning,
            Summary = $"Do not start {agent}: {context.ValueText(e2)} is not elevated (≤ {high})",
            Reason = $"T6: {context.ValueText(e2)} is within the normal male range (up to {high}); an aromatase inhibitor offers no benefit and costs bone.",
            Evidence = RuleContext.Evidence(e2),
            Actions = context.StopActions(),
        };
    }
}
