using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.Monitoring;

/// <summary>M1: a man on or starting an AI, outside oncology, with no usable and no pending E2 within the window [E1, E7].</summary>
public sealed class M1NoCurrentEstradiol : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.M1;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !picture.OutsideOncology || picture.Estradiol.Deciding is not null || picture.Estradiol.Pending is not null)
        {
            yield break;
        }

        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ObtainLabs,
            Indicator = Indicator.Warning,
            Summary = $"Order a sensitive estradiol: none usable in the last {context.Options.EstradiolWindowDays} days",
            Reason = $"M1: no usable estradiol within {context.Options.EstradiolWindowDays} days; no dosing decision without a current, sensitive (LC-MS/MS) estradiol.",
            Actions = [new OrderTest("Order estradiol (LC-MS/MS)", LabTest.SensitiveEstradiol)],
        };
    }
}
