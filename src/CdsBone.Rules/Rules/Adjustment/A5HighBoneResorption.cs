using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Rules.Safety;

namespace CdsBone.Rules.Rules.Adjustment;

/// <summary>
/// A5: on an AI, outside oncology, CTx within its window above its upper limit (the lab's range, else the sex default):
/// high resorption marks estrogen-deficient turnover [E14]. Order a DXA if none within 365 days.
/// </summary>
public sealed class A5HighBoneResorption : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.A5;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!context.OnAi || (!picture.OutsideOncology && !picture.BoneAdviceOnlyAsLabs) || picture.Ctx is not { Value: { } value } ctx
            || ctx.IsUpperBound)
        {
            yield break;
        }

        var limit = CtxUpperLimit(ctx, picture.Facts.Patient.Sex, context);
        var above = ctx.Comparator == Comparator.GreaterThan ? value >= limit : value > limit;
        if (!above)
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        var because = $"{context.ValueText(ctx)} is above {RuleContext.Limit(limit, ctx.Unit)}";
        var actions = new List<SuggestedAction>();
        if (!picture.Bone.HasRecentDxa)
        {
            actions.Add(new OrderTest("Order a DXA bone density scan", LabTest.Dxa));
        }

        if (picture.BoneAdviceOnlyAsLabs)
        {
            yield return BoneFindingAsLabs.Create(Id, Indicator.Warning, $"High bone resorption on {agent}: {because}", because, ctx, "Review bone turnover.") with { Actions = actions };
            yield break;
        }

        actions.AddRange(context.ReduceDoseActions());
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ReduceDose,
            Indicator = Indicator.Warning,
            Summary = $"Reduce {agent}: {because}",
            Reason = $"A5: {because}; high resorption marks estrogen-deficient bone turnover. Hold or reduce the dose.",
            Evidence = RuleContext.Evidence(ctx),
            Actions = actions,
        };
    }

    private static decimal CtxUpperLimit(LabResult ctx, Sex sex, RuleContext context)
    {
        var applies = sex switch
        {
            Sex.Male => RangeAppliesTo.Male,
            Sex.Female => RangeAppliesTo.Female,
            _ => RangeAppliesTo.Anyone,
        };
        var fromLab = ctx.ReferenceRanges.FirstOrDefault(r => r.High is not null && (r.AppliesTo == applies || r.AppliesTo == RangeAppliesTo.Anyone));
        return fromLab?.High ?? (sex == Sex.Female ? context.Options.FemaleCtxHighPgMl : context.Options.MaleCtxHighPgMl);
    }
}
