using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Safety;

/// <summary>Shared shape of S4 and S5: the E2 the safety rules judge falls in one band below the male floor.</summary>
public abstract class LowEstradiolRule : IRule
{
    /// <inheritdoc />
    public abstract RuleId Id { get; }

    /// <summary>The band this rule fires on.</summary>
    protected abstract EstradiolBand Band { get; }

    /// <summary>The card urgency.</summary>
    protected abstract Indicator Indicator { get; }

    /// <summary>The limit the value is below, pg/mL.</summary>
    protected abstract decimal Limit(RuleContext context);

    /// <summary>Why it matters, for the detail line.</summary>
    protected abstract string Rationale { get; }

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsMale || !picture.OutsideOncology || picture.Estradiol.ForSafetyRules is not { } e2
            || picture.Estradiol.MaleBand(e2) != Band)
        {
            yield break;
        }

        var limit = RuleContext.Limit(Limit(context), e2.Unit);
        var credibleLow = e2 == picture.Estradiol.NewerLowImmunoassay
            ? " A low immunoassay value is credible: immunoassays over-read."
            : string.Empty;
        yield return new RuleFinding
        {
            RuleId = Id,
            Recommendation = context.StopOrDoNotStart,
            Indicator = Indicator,
            Summary = $"{context.StopVerb}: {context.ValueText(e2)} is below {limit}",
            Reason = $"{Id}: {context.ValueText(e2)} is below {limit}; {Rationale}.{credibleLow}",
            Evidence = RuleContext.Evidence(e2),
            Actions = context.StopActions(),
            Advice = ["Recheck a sensitive estradiol in 4–6 weeks."],
        };
    }
}

/// <summary>S4: male E2 below the critical-low limit (or &lt;x with x ≤ 10): severe estrogen deficiency, bone loss [E5, E6].</summary>
public sealed class S4CriticallyLowEstradiol : LowEstradiolRule
{
    /// <inheritdoc />
    public override RuleId Id => RuleId.S4;
    /// <inheritdoc />
    protected override EstradiolBand Band => EstradiolBand.CriticalLow;
    /// <inheritdoc />
    protected override Indicator Indicator => Indicator.Critical;
    /// <inheritdoc />
    protected override string Rationale => "severe estrogen deficiency causes bone loss";
    /// <inheritdoc />
    protected override decimal Limit(RuleContext context) => context.Options.MaleEstradiolCriticalLowPgMl;
}

/// <summary>S5: male E2 from the critical-low to the low limit (or &lt;x with 10 &lt; x ≤ 20): below the seed's floor [E5, E6, E7].</summary>
public sealed class S5LowEstradiol : LowEstradiolRule
{
    /// <inheritdoc />
    public override RuleId Id => RuleId.S5;
    /// <inheritdoc />
    protected override EstradiolBand Band => EstradiolBand.Low;
    /// <inheritdoc />
    protected override Indicator Indicator => Indicator.Warning;
    /// <inheritdoc />
    protected override string Rationale => "below the floor male bone needs";
    /// <inheritdoc />
    protected override decimal Limit(RuleContext context) => context.Options.MaleEstradiolLowPgMl;
}
