using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.Safety;

/// <summary>
/// S6: on an AI, outside oncology, an AI draft (order-sign) or selection (order-select) of another ingredient than an
/// active or on-hold AI order: two aromatase inhibitors together add no effect, only exposure (pharmacology; no
/// guideline speaks of it). Do not start the draft; if switching, stop the other AI first.
/// </summary>
public sealed class S6DuplicateAromataseInhibitor : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.S6;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        var treatment = picture.Treatment;
        if (!context.OnAi || !picture.OutsideOncology || !treatment.TargetIsDraft
            || treatment.Target is not { } draft || treatment.DuplicatedAi is not { } other)
        {
            yield break;
        }

        var onOther = $"already on {other.Agent} ({other.Description})";
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.DoNotStart,
            Indicator = Indicator.Warning,
            Summary = $"Do not start {draft.Agent}: already on {other.Agent}; two aromatase inhibitors add nothing",
            Reason = $"S6: {draft.Agent} is ordered while the patient is {onOther}; two aromatase inhibitors together add nothing.",
            Actions = [new RemoveDraftOrder($"Remove the {draft.Agent} order", draft.SourceId)],
            Advice = [$"If switching, stop {other.Agent} ({other.SourceId}) first, then start {draft.Agent}."],
        };
    }
}
