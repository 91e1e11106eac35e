using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.Monitoring;

/// <summary>M4: an AI being ordered, any sex, with no DXA within the window: do not start blind to bone status [E10].</summary>
public sealed class M4NoBaselineDxa : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.M4;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        if (!context.BeingOrdered || context.Picture.Bone.HasDxaInWindow)
        {
            yield break;
        }

        var agent = context.Picture.Treatment.AgentName;
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ObtainLabs,
            Indicator = Indicator.Warning,
            Summary = $"Order a baseline DXA before starting {agent}",
            Reason = $"M4: no usable DXA within {context.Options.DxaWindowDays} days; do not start an aromatase inhibitor blind to bone status.",
            Actions = [new OrderTest("Order a baseline DXA bone density scan", LabTest.Dxa)],
        };
    }
}
