using CdsBone.Api.CdsHooks;

namespace CdsBone.Api.Cards;

/// <summary>The override reasons every card offers (CLINICAL-RULES.md §6), as Codings in CdsBone's CodeSystem.</summary>
internal static class OverrideReasons
{
    public static IReadOnlyList<Coding> For(string canonicalBase)
    {
        var system = $"{canonicalBase.TrimEnd('/')}/CodeSystem/override-reason";
        return
        [
            new(system, "clinician-judgement", "Benefits outweigh risks (clinician judgement)"),
            new(system, "data-outdated", "Data is outdated or from the wrong assay"),
            new(system, "specialist-care", "Under specialist care (endocrinology / oncology)"),
            new(system, "patient-declines", "Patient informed and declines the change"),
        ];
    }
}
