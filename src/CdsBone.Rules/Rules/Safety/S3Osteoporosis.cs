using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Safety;

/// <summary>
/// S3: an AI on or being ordered, outside oncology, with lowest T ≤ −2.5 or an active osteoporosis or fragility-fracture
/// condition: estrogen deprivation worsens bone [E3, E10]. Refer for osteoporosis treatment.
/// </summary>
public sealed class S3Osteoporosis : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.S3;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.OutsideOncology && !picture.BoneAdviceOnlyAsLabs)
        {
            yield break;
        }

        var lowestT = picture.Bone.LowestT;
        var osteoporoticScore = lowestT is { Value: { } t } && t <= context.Options.OsteoporosisTScore;
        var condition = picture.OsteoporosisCondition;
        if (!osteoporoticScore && condition is null)
        {
            yield break;
        }

        var because = osteoporoticScore
            ? $"lowest {context.ValueText(lowestT!)} is at or below {Describe.Number(context.Options.OsteoporosisTScore)}"
            : $"{condition!.Description} recorded";
        var advice = "Refer for osteoporosis treatment.";
        if (picture.BoneAdviceOnlyAsLabs)
        {
            yield return BoneFindingAsLabs.Create(Id, Indicator.Critical, $"Osteoporosis on {picture.Treatment.AgentName}: {because}", because, lowestT, advice);
            yield break;
        }

        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = context.StopOrDoNotStart,
            Indicator = Indicator.Critical,
            Summary = $"{context.StopVerb}: {because}",
            Reason = $"S3: osteoporosis ({because}); estrogen deprivation worsens bone.",
            Evidence = RuleContext.Evidence(osteoporoticScore ? lowestT : null),
            Actions = context.StopActions(),
            Advice = [advice],
        };
    }
}
