using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Treatment;

/// <summary>
/// T4: a postmenopausal woman on testosterone for whom an AI is being ordered, outside oncology, with E2 above the
/// postmenopausal limit: an AI is not standard here; review the testosterone dose or route [E1].
/// </summary>
public sealed class T4WomanOnTestosteroneHighEstradiol : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.T4;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsFemale || !context.BeingOrdered || !picture.OutsideOncology || picture.Treatment.OnTrt is null
            || picture.Menopause != MenopausalStatus.Postmenopausal || picture.Estradiol.Deciding is not { Value: { } value } e2
            || e2.IsUpperBound)
        {
            yield break;
        }

        var limit = context.Options.PostmenopausalEstradiolHighPgMl;
        var above = e2.Comparator == Facts.Comparator.GreaterThan ? value >= limit : value > limit;
        if (!above)
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.DoNotStart,
            Indicator = Indicator.Info,
            Summary = $"Do not start {agent}: {context.ValueText(e2)} is above {RuleContext.Limit(limit, e2.Unit)}; review testosterone",
            Reason = $"T4: postmenopausal woman on testosterone with {context.ValueText(e2)} above the postmenopausal limit {RuleContext.Limit(limit, e2.Unit)}; an aromatase inhibitor has no guideline support here. Review the testosterone dose or route.",
            Evidence = RuleContext.Evidence(e2),
            Actions = context.StopActions(),
        };
    }
}
