using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Treatment;

/// <summary>T2: a man for whom an AI is being ordered with a high deciding E2, but T1 not met: treat symptoms, not a number [E1].</summary>
public sealed class T2HighEstradiolCriteriaUnmet : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.T2;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !context.BeingOrdered || !picture.OutsideOncology || context.HasFired(RuleId.T1)
            || picture.Estradiol.Deciding is not { } e2 || picture.Estradiol.MaleBand(e2) != EstradiolBand.High)
        {
            yield break;
        }

        var unmet = StartCriteria.Assess(context).Unmet().ToList();
        if (context.AnySafetyRuleFired)
        {
            unmet.Add("a safety rule fired");
        }

        var agent = picture.Treatment.AgentName;
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.DoNotStart,
            Indicator = Indicator.Info,
            Summary = $"Do not start {agent}: {context.ValueText(e2)} is high, but start criteria are unmet",
            Reason = $"T2: {context.ValueText(e2)} is above {RuleContext.Limit(picture.Estradiol.MaleHighLimit(e2), e2.Unit)} but the start criteria are unmet: {string.Join("; ", unmet)}. Treat symptoms, not a number.",
            Evidence = RuleContext.Evidence(e2),
            Actions = context.StopActions(),
        };
    }
}
