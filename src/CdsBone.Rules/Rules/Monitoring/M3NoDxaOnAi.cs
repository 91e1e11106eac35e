using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.Monitoring;

/// <summary>M3: on an AI, any sex, with no DXA within the window: AIs cause bone loss [E3, E9, E10].</summary>
public sealed class M3NoDxaOnAi : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.M3;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        if (!context.OnAi || context.Picture.Bone.HasDxaInWindow)
        {
            yield break;
        }

        var agent = context.Picture.Treatment.AgentName;
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ObtainLabs,
            Indicator = Indicator.Warning,
            Summary = $"Order a DXA: none in the last {context.Options.DxaWindowDays} days on {agent}",
            Reason = $"M3: on {agent} with no usable DXA within {context.Options.DxaWindowDays} days; aromatase inhibitors cause bone loss, so baseline and periodic BMD are needed.",
            Actions = [new OrderTest("Order a DXA bone density scan", LabTest.Dxa)],
        };
    }
}
