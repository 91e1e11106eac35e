using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Monitoring;

/// <summary>
/// M6: the analyte a rule needs has only a pending result within its window: await the final value (it replaces M1).
/// For men that is E2; for a woman of unknown menopausal status, FSH.
/// </summary>
public sealed class M6PendingResult : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.M6;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (picture.IsMale && picture.OutsideOncology && picture.Estradiol.Deciding is null && picture.Estradiol.Pending is { } pendingE2)
        {
            yield return Pending(context, pendingE2);
        }

        if (picture.IsFemale && picture.Menopause == MenopausalStatus.Unknown)
        {
            var pendingFsh = picture.Labs
                .Where(s => s.Usability == Usability.Pending && s.Result.Analyte == Facts.Analyte.Fsh
                    && picture.Time.Within(s.Result.Effective, context.Options.FshWindowDays))
                .Select(s => s.Result)
                .MaxBy(r => r.Effective);
            if (pendingFsh is not null)
            {
                yield return Pending(context, pendingFsh);
            }
        }
    }

    private RuleFinding Pending(RuleContext context, Facts.LabResult pending) => new()
    {
        RuleId = Id,
        Recommendation = Recommendation.ObtainLabs,
        Indicator = Indicator.Info,
        Summary = $"Await the final {Describe.Name(pending)}: only a pending result ({Describe.Ago(context.Picture.Time.DaysAgo(pending.Effective!.Value))})",
        Reason = $"M6: {Describe.Name(pending)} has only a {Describe.Status(pending.Status)} result; preliminary values change, so decide on the final one.",
        Evidence = RuleContext.Evidence(pending),
    };
}
