using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Treatment;

/// <summary>
/// T5: in the oncology context the AI is oncology-managed: the card carries bone monitoring only. Warning when lowest
/// T &lt; −2.0, an osteoporosis or fragility-fracture condition, or a BMD fall ≥ LSC (AIBL, ASCO) [E9, E10].
/// </summary>
public sealed class T5OncologyContext : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.T5;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (picture.Oncology != OncologyContext.Yes)
        {
            yield break;
        }

        var options = context.Options;
        var bone = picture.Bone;
        var concerns = new List<string>();
        if (bone.LowestT is { Value: { } t } lowestT && t < options.AntiresorptiveTScore)
        {
            concerns.Add($"lowest {context.ValueText(lowestT)} is below {Describe.Number(options.AntiresorptiveTScore)}");
        }

        if (picture.OsteoporosisCondition is { } condition)
        {
            concerns.Add($"{condition.Description} recorded");
        }

        if (bone.LargestLoss is { IsSignificantLoss: true } loss)
        {
            concerns.Add($"{Describe.Name(loss.Latest)} fell {Describe.Number(loss.FallGcm2)} g/cm2 (≥ LSC)");
        }

        var agent = picture.Treatment.AgentName;
        var boneStatus = bone.LowestT is { } latestT ? $"lowest {context.ValueText(latestT)}"
            : bone.HasDxaInWindow ? "DXA on file" : $"no DXA in {options.DxaWindowDays} days";
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.DeferToOncology,
            Indicator = concerns.Count > 0 ? Indicator.Warning : Indicator.Info,
            Summary = $"{char.ToUpperInvariant(agent[0])}{agent[1..]} is oncology-managed: bone monitoring only ({boneStatus})",
            Reason = concerns.Count > 0
                ? $"T5: breast-cancer context; the aromatase inhibitor is oncology-managed. Bone concerns: {string.Join("; ", concerns)}."
                : "T5: breast-cancer context; the aromatase inhibitor is oncology-managed. No dosing advice is given.",
            Evidence = RuleContext.Evidence(bone.LowestT, picture.Ctx),
            Advice =
            [
                $"DXA every {options.DxaWindowDays / 365} years; calcium, vitamin D and exercise.",
                $"Bone-directed therapy (denosumab or a bisphosphonate) if T < {Describe.Number(options.AntiresorptiveTScore)} or two or more risk factors.",
            ],
        };
    }
}
