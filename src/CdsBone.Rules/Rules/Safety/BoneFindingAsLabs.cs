using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Rules.Safety;

/// <summary>
/// For a woman on an AI whose oncology context is unknown (conditions could not be had), bone findings give no stop
/// or reduce advice: they go to the labs card instead, saying why (§5 Definitions: Oncology context).
/// </summary>
internal static class BoneFindingAsLabs
{
    public static RuleFinding Create(RuleId id, Indicator indicator, string summary, string because, ResultFact? evidence, string advice) => new()
    {
        RuleId = id,
        Recommendation = Recommendation.ObtainLabs,
        Indicator = indicator,
        Summary = summary,
        Reason = $"{id}: {because}. Conditions could not be retrieved, so an oncology context cannot be ruled out: no stop or dose advice is given; review the bone findings.",
        Evidence = RuleContext.Evidence(evidence),
        Advice = [advice],
    };
}
