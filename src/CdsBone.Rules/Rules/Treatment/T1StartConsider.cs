using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Treatment;

/// <summary>
/// T1: a man on TRT for whom an AI is being ordered, outside oncology, may be started at the lowest dose only when all
/// of the start criteria hold (<see cref="StartCriteria"/>) and no S-rule fired. Off-label; the Endocrine Society does not
/// endorse routine AI use in men [E1, E3, E4].
/// </summary>
public sealed class T1StartConsider : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.T1;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !context.BeingOrdered || !picture.OutsideOncology || context.AnySafetyRuleFired)
        {
            yield break;
        }

        var criteria = StartCriteria.Assess(context);
        if (!criteria.AllMet)
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        var lowest = context.Options.AnastrozoleStartingDose.ToRegimen();
        var high = RuleContext.Limit(picture.Estradiol.MaleHighLimit(criteria.Deciding!), criteria.Deciding!.Unit);
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.StartConsider,
            Indicator = Indicator.Info,
            Summary = $"{Capitalise(agent)} may be considered at the lowest dose: {context.ValueText(criteria.Deciding)}, twice above {high}",
            Reason = $"T1: {context.ValueText(criteria.Deciding)} and {context.ValueText(criteria.Confirming!)} are both above {high}, with {criteria.Symptom!.Description} and normal bone ({context.ValueText(criteria.Bone!)}).",
            Evidence = RuleContext.Evidence(criteria.Deciding, criteria.Confirming, criteria.Bone),
            Actions = context.LowestStartingDoseActions(),
            Advice =
            [
                "First lower the testosterone dose or shorten the injection interval.",
                $"If you proceed: {agent} {lowest} (off-label), sensitive estradiol in 4–6 weeks, stop if below {RuleContext.Limit(context.Options.MaleEstradiolLowPgMl, criteria.Deciding.Unit)}.",
            ],
        };
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>T1's criteria, assessed once so that T2 can list the unmet ones.</summary>
/// <param name="Deciding">The deciding E2 when it is sensitive and above the high limit.</param>
/// <param name="Confirming">An earlier sensitive E2 above the limit, 14–180 days before.</param>
/// <param name="Symptom">An active coded estrogen-excess symptom.</param>
/// <param name="Bone">The DXA score that shows bone normal.</param>
/// <param name="OnTrt">The testosterone product.</param>
internal sealed record StartCriteria(LabResult? Deciding, LabResult? Confirming, ConditionFact? Symptom, DxaResult? Bone, Therapy? OnTrt)
{
    public bool AllMet => Deciding is not null && Confirming is not null && Symptom is not null && Bone is not null && OnTrt is not null;

    public static StartCriteria Assess(RuleContext context)
    {
        var picture = context.Picture;
        var e2 = picture.Estradiol;
        var deciding = e2.Deciding is { Assay: AssayClass.Sensitive } d && e2.MaleBand(d) == EstradiolBand.High ? d : null;
        var confirming = deciding is null
            ? null
            : e2.Trend.FirstOrDefault(r => r != deciding
                && ClinicalTime.DaysBetween(r.Effective!.Value, deciding.Effective!.Value) >= context.Options.MinDaysBetweenResults
                && e2.MaleBand(r) == EstradiolBand.High);
        var bone = picture.Bone.IsShownNormal(context.Options) ? picture.Bone.LowestT ?? picture.Bone.LowestZ : null;
        return new StartCriteria(deciding, confirming, picture.CodedEstrogenExcessSymptom, bone, picture.Treatment.OnTrt);
    }

    public IEnumerable<string> Unmet()
    {
        if (OnTrt is null)
        {
            yield return "not on testosterone therapy";
        }

        if (Deciding is null)
        {
            yield return "the high estradiol is not from a sensitive (LC-MS/MS) assay";
        }
        else if (Confirming is null)
        {
            yield return "a single high result: no confirming sensitive estradiol 14–180 days earlier";
        }

        if (Symptom is null)
        {
            yield return "no coded estrogen-excess symptom (gynecomastia, mastodynia)";
        }

        if (Bone is null)
        {
            yield return "bone not shown normal (no DXA with lowest T-score ≥ −1.0 in the window)";
        }
    }
}
