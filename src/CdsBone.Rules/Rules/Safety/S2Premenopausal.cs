using System.Globalization;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Rules.Safety;

/// <summary>
/// S2: a premenopausal woman on or starting an AI without ovarian suppression: labelled for postmenopausal women only,
/// ineffective and ovary-stimulating otherwise [E12]. Unknown status (50–59, no evidence): check FSH and E2 instead.
/// </summary>
public sealed class S2Premenopausal : IRule
{
    /// <inheritdoc />
    public RuleId Id => RuleId.S2;

    /// <inheritdoc />
    public IEnumerable<RuleFinding> Evaluate(RuleContext context)
    {
        var picture = context.Picture;
        if (!picture.IsFemale || picture.Treatment.OvarianSuppression is not null)
        {
            yield break;
        }

        var agent = picture.Treatment.AgentName;
        var age = picture.Age is { } years ? string.Create(CultureInfo.InvariantCulture, $"age {years}") : "age unknown";
        if (picture.Menopause == MenopausalStatus.Premenopausal)
        {
            yield return new RuleFinding
            {
                RuleId = Id,
                Recommendation = context.StopOrDoNotStart,
                Indicator = Indicator.Critical,
                Summary = $"{context.StopVerb}: premenopausal ({age}) without ovarian suppression",
                Reason = $"S2: premenopausal ({age}) and no GnRH agonist; {agent} is labelled for postmenopausal women only and stimulates the ovaries otherwise.",
                Actions = context.StopActions(),
            };
        }
        else if (picture.Menopause == MenopausalStatus.Unknown)
        {
            yield return new RuleFinding
            {
                RuleId = Id,
                Recommendation = Recommendation.ObtainLabs,
                Indicator = Indicator.Warning,
                Summary = $"Confirm menopausal status before {agent}: order FSH and a sensitive estradiol",
                Reason = $"S2: menopausal status unknown ({age}, none coded); {agent} is for postmenopausal women only.",
                Actions = [new OrderTest("Order FSH", LabTest.Fsh), new OrderTest("Order estradiol (LC-MS/MS)", LabTest.SensitiveEstradiol)],
            };
        }
    }
}
