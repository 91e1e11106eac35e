using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Rules.Monitoring;

/// <summary>M2: the deciding E2 is an immunoassay, or an upper bound above the low limit: ask for LC-MS/MS [E7].</summary>
public sealed class M2ImmunoassayEstradiol : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.M2;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !picture.OutsideOncology || picture.Estradiol.Deciding is not { } deciding)
        {
            yield break;
        }

        var uninformativeBound = deciding.IsUpperBound && deciding.Value > context.Options.MaleEstradiolLowPgMl;
        if (deciding.Assay != AssayClass.Immunoassay && !uninformativeBound)
        {
            yield break;
        }

        var why = uninformativeBound
            ? $"reports only an upper bound above {RuleContext.Limit(context.Options.MaleEstradiolLowPgMl, deciding.Unit)}"
            : "is an immunoassay, inaccurate at male and low levels";
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ObtainLabs,
            Indicator = context.BeingOrdered ? Indicator.Warning : Indicator.Info,
            Summary = $"Repeat estradiol by LC-MS/MS: {context.ValueText(deciding)} {(uninformativeBound ? "is only a bound" : "is an immunoassay")}",
            Reason = $"M2: the deciding estradiol ({context.ValueText(deciding)}) {why}; repeat with a sensitive LC-MS/MS assay.",
            Evidence = RuleContext.Evidence(deciding),
            Actions = [new OrderTest("Order estradiol (LC-MS/MS)", LabTest.SensitiveEstradiol)],
        };
    }
}
