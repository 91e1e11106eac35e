using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Rules.Safety;

namespace CdsBone.Rules.Rules.Adjustment;

/// <summary>A3: on an AI, outside oncology, a BMD fall at any site at or above the least significant change [E11, E3].</summary>
public sealed class A3BmdLoss : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.A3;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!context.OnAi || (!picture.OutsideOncology && !picture.BoneAdviceOnlyAsLabs)
            || picture.Bone.LargestLoss is not { IsSignificantLoss: true } loss)
        {
            yield break;
        }

        var site = Describe.Name(loss.Latest);
        var lsc = $"{Describe.Number(loss.LeastSignificantChangeGcm2)} g/cm2{(loss.LscFromFacility ? " (facility)" : string.Empty)}";
        var because = $"{site} fell {Describe.Number(loss.FallGcm2)} g/cm2 ({Describe.Rounded(loss.PercentChange)}%), at or above the LSC {lsc}";
        const string advice = "Evaluate bone health; consider an antiresorptive.";
        if (picture.BoneAdviceOnlyAsLabs)
        {
            yield return BoneFindingAsLabs.Create(Id, Indicator.Warning, $"BMD loss on {picture.Treatment.AgentName}: {site} fell {Describe.Number(loss.FallGcm2)} g/cm2", because, loss.Latest, advice);
            yield break;
        }

        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ReduceDose,
            Indicator = Indicator.Warning,
            Summary = $"Reduce {picture.Treatment.AgentName}: {site} fell {Describe.Number(loss.FallGcm2)} g/cm2 (≥ LSC {Describe.Number(loss.LeastSignificantChangeGcm2)})",
            Reason = $"A3: {because}: real bone loss on therapy.",
            Evidence = RuleContext.Evidence(loss.Latest, loss.Earlier),
            Actions = context.ReduceDoseActions(),
            Advice = [advice],
        };
    }
}
