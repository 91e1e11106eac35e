using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.Monitoring;

/// <summary>
/// M5: a man on TRT starting an AI, with a usable total T but SHBG or albumin missing or stale: free T cannot be
/// computed, and free T tells supraphysiologic dosing apart [E8].
/// </summary>
public sealed class M5FreeTestosteroneInputsMissing : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.M5;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        var panel = picture.Androgens;
        if (!picture.IsMale || !context.BeingOrdered || !picture.OutsideOncology || picture.Treatment.OnTrt is null
            || panel.TotalTestosterone is null || (panel.Shbg is not null && panel.Albumin is not null))
        {
            yield break;
        }

        var missing = new List<(string Name, LabTest Test)>(2);
        if (panel.Shbg is null)
        {
            missing.Add(("SHBG", LabTest.Shbg));
        }

        if (panel.Albumin is null)
        {
            missing.Add(("albumin", LabTest.Albumin));
        }

        var names = string.Join(" and ", missing.Select(m => m.Name));
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ObtainLabs,
            Indicator = Indicator.Info,
            Summary = $"Order {names}: free testosterone cannot be calculated",
            Reason = $"M5: {names} missing or older than {context.Options.AndrogenPanelWindowDays} days, so free testosterone was not computed (Vermeulen needs total T, SHBG and albumin).",
            Evidence = RuleContext.Evidence(panel.TotalTestosterone, panel.Shbg, panel.Albumin),
            Actions = missing.Select(m => (SuggestedAction)new OrderTest($"Order {m.Name}", m.Test)).ToList(),
        };
    }
}
