using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.DataQuality;

/// <summary>
/// Shared shape of D2 and D4: a result of an analyte the rules need, within that analyte's window (or dated in the
/// future), that cannot be used. Each becomes an info obtain-labs line asking for the test again.
/// </summary>
public abstract class UnusableResultRule : IRule
{
    /// <summary>The analytes §5 names for D2 and D4 (DXA results are screened separately).</summary>
    private static readonly HashSet<Analyte> ReportedAnalytes =
    [
        Analyte.Estradiol, Analyte.TotalTestosterone, Analyte.FreeTestosterone, Analyte.Shbg, Analyte.Albumin,
        Analyte.Ctx, Analyte.P1np, Analyte.Hcg, Analyte.HcgQualitative,
    ];

    /// <inheritdoc />
    public abstract RuleId Id { get; }

    /// <summary>The screening reasons this rule reports.</summary>
    protected abstract IReadOnlySet<IgnoredReason> Reasons { get; }

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        foreach (var screened in picture.Labs)
        {
            if (IsReported(screened.Reason) && ReportedAnalytes.Contains(screened.Result.Analyte) && context.Options.WindowFor(screened.Result.Analyte) is { } window
                && IsRecentOrFuture(screened.Result, window, picture))
            {
                yield return Finding(screened.Result, screened.Explanation!, TestFor(screened.Result.Analyte));
            }
        }

        foreach (var screened in picture.Dxa)
        {
            if (IsReported(screened.Reason) && IsRecentOrFuture(screened.Result, context.Options.DxaWindowDays, picture))
            {
                yield return Finding(screened.Result, screened.Explanation!, LabTest.Dxa);
            }
        }
    }

    private bool IsReported(IgnoredReason? reason) => reason is { } r && Reasons.Contains(r);

    private static bool IsRecentOrFuture(ResultFact result, int windowDays, ClinicalPicture picture) =>
        result.Effective is { } effective && (effective > picture.Time.Now || picture.Time.Within(effective, windowDays));

    private RuleFinding Finding(ResultFact result, string explanation, LabTest? test)
    {
        var name = Describe.Name(result);
        return new RuleFinding
        {
            RuleId = Id,
            Recommendation = Recommendation.ObtainLabs,
            Indicator = Indicator.Info,
            Summary = $"Repeat {name}: a result could not be used ({Id})",
            Reason = $"{Id}: {name} {Describe.Number(result.ReceivedValue ?? 0m)} {result.ReceivedUnit ?? "(no unit)"} was not used: {explanation}.",
            Evidence = RuleContext.Evidence(result),
            Actions = test is { } t ? [new OrderTest($"Order {name}", t)] : [],
        };
    }

    private static LabTest? TestFor(Analyte analyte) => analyte switch
    {
        Analyte.Estradiol => LabTest.SensitiveEstradiol,
        Analyte.TotalTestosterone => LabTest.TotalTestosterone,
        Analyte.Shbg => LabTest.Shbg,
        Analyte.Albumin => LabTest.Albumin,
        Analyte.Ctx => LabTest.Ctx,
        Analyte.P1np => LabTest.P1np,
        Analyte.Hcg or Analyte.HcgQualitative => LabTest.Hcg,
        _ => null,
    };
}
