using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Adjustment;

/// <summary>
/// A2: on an AI, the latest sensitive E2 (within the E2 window) has fallen by the trend percentage or more from the
/// highest sensitive E2 at least 14 days earlier within the trend window, and is below the trend ceiling: trajectory
/// toward over-suppression [E5, E6].
/// </summary>
public sealed class A2FallingEstradiol : IRule
{
    private const decimal Percent = 100m;

    /// <inheritdoc />
    public RuleId Id => RuleId.A2;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        var trend = picture.Estradiol.Trend;
        if (!picture.IsMale || !context.OnAi || !picture.OutsideOncology || trend.Count < 2)
        {
            yield break;
        }

        var latest = trend[0];
        if (!picture.Time.Within(latest.Effective, context.Options.EstradiolWindowDays) || latest.Value >= context.Options.TrendCeilingPgMl)
        {
            yield break;
        }

        var highestEarlier = trend.Skip(1)
            .Where(r => ClinicalTime.DaysBetween(r.Effective!.Value, latest.Effective!.Value) >= context.Options.MinDaysBetweenResults)
            .MaxBy(r => r.Value);
        if (highestEarlier is not { Value: > 0m } earlier)
        {
            yield break;
        }

        var fallPercent = (earlier.Value!.Value - latest.Value!.Value) / earlier.Value.Value * Percent;
        if (fallPercent < context.Options.TrendFallPercent)
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        var fall = Describe.Number(Math.Round(fallPercent, 0, MidpointRounding.AwayFromZero));
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ReduceDose,
            Indicator = Indicator.Warning,
            Summary = $"Reduce {agent}: estradiol fell {fall}% to {Describe.Value(latest)} ({Describe.Ago(picture.Time.DaysAgo(latest.Effective!.Value))})",
            Reason = $"A2: estradiol fell {fall}% from {context.ValueText(earlier)} to {context.ValueText(latest)}; below {RuleContext.Limit(context.Options.TrendCeilingPgMl, latest.Unit)} and heading to over-suppression.",
            Evidence = RuleContext.Evidence(latest, earlier),
            Actions = context.ReduceDoseActions(),
            Advice = ["Recheck a sensitive estradiol sooner (4–6 weeks)."],
        };
    }
}
