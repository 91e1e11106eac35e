using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Adjustment;

/// <summary>
/// A6: a man on an AI, outside oncology, whose anastrozole order under review exceeds the usual adjunct dose
/// (<c>MaleAnastrozoleMaxWeeklyMg</c>, default 3 mg/week), unless the deciding E2 is above the high limit: 1 mg daily
/// lowered spine BMD in older men [E3]; the seed's dose is 0.5 mg twice weekly. Reduce to the usual adjunct dose.
/// Silent when the weekly dose is unknown (the context notes say it was not checked).
/// </summary>
public sealed class A6AnastrozoleDoseAboveAdjunct : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.A6;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        var treatment = picture.Treatment;
        if (!picture.IsMale || !context.OnAi || !picture.OutsideOncology
            || treatment.AnastrozoleUnderReview is not { Dose: { } dose } order
            || dose.WeeklyDoseMg <= context.Options.MaleAnastrozoleMaxWeeklyMg)
        {
            yield break;
        }

        var e2 = picture.Estradiol.Deciding;
        if (e2 is not null && picture.Estradiol.MaleBand(e2) == EstradiolBand.High)
        {
            yield break;
        }

        var weekly = $"{dose} ({Describe.Number(dose.WeeklyDoseMg)} mg/week)";
        var limit = $"{Describe.Number(context.Options.MaleAnastrozoleMaxWeeklyMg)} mg/week";
        var usual = context.Options.AnastrozoleUsualAdjunctDose.ToRegimen();
        var e2Text = e2 is null ? "no usable estradiol within the window" : $"{context.ValueText(e2)}, not above the high limit";
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ReduceDose,
            Indicator = Indicator.Warning,
            Summary = $"Reduce anastrozole: {weekly} is above {limit} for a man",
            Reason = $"A6: anastrozole {weekly} is above the usual adjunct dose ({limit}); {e2Text}. 1 mg daily lowered spine BMD in older men.",
            Evidence = RuleContext.Evidence(e2),
            Actions = RuleContext.SetDoseActions(order, treatment.AnastrozoleUnderReviewIsDraft, usual, $"Reduce to anastrozole {usual}"),
            Advice = [$"Back to the usual adjunct dose, anastrozole {usual}; sensitive estradiol in 4–6 weeks."],
        };
    }
}
