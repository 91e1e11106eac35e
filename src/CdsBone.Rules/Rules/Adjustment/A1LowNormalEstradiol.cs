using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Adjustment;

/// <summary>
/// A1: male E2 low-normal (20 ≤ E2 &lt; 25): on an AI, reduce the dose when the value is sensitive; when starting, any
/// assay: do not start [E6].
/// </summary>
public sealed class A1LowNormalEstradiol : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.A1;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !picture.OutsideOncology || picture.Estradiol.Deciding is not { } e2
            || picture.Estradiol.MaleBand(e2) != EstradiolBand.LowNormal
            || (context.OnAi && e2.Assay != AssayClass.Sensitive))
        {
            yield break;
        }

        var limit = RuleContext.Limit(context.Options.MaleEstradiolLowNormalPgMl, e2.Unit);
        var agent = picture.Treatment.AgentName;
        yield return context.OnAi
            ? new RuleFinding
            {
                RuleId = Id,
                Recommendation = Recommendation.ReduceDose,
                Indicator = Indicator.Warning,
                Summary = $"Reduce {agent}: {context.ValueText(e2)} is below {limit}",
                Reason = $"A1: {context.ValueText(e2)} is low-normal (below {limit}) on treatment, inside the bone-risk band.",
                Evidence = RuleContext.Evidence(e2),
                Actions = context.ReduceDoseActions(),
                Advice = ["Recheck a sensitive estradiol in 4–6 weeks."],
            }
            : new RuleFinding
            {
                RuleId = Id,
                Recommendation = Recommendation.DoNotStart,
                Indicator = Indicator.Warning,
                Summary = $"Do not start {agent}: {context.ValueText(e2)} is already below {limit}",
                Reason = $"A1: {context.ValueText(e2)} is already low-normal (below {limit}); an aromatase inhibitor would push it into the bone-risk band.",
                Evidence = RuleContext.Evidence(e2),
                Actions = context.StopActions(),
            };
    }
}
