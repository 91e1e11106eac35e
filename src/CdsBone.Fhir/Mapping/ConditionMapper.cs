using System.Text.Json;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Condition JSON → <see cref="ConditionFact"/> through the concept classes (value sets, ICD-10-CM prefix rules, then text;
/// §5 Definitions). Refuted or entered-in-error conditions are dropped.
/// </summary>
internal static class ConditionMapper
{
    public static ConditionFact? Map(JsonElement condition, ConditionRecognizer recognizer)
    {
        var verification = Json.Object(condition, "verificationStatus"u8);
        if (JsonConcepts.HasCode(verification, "refuted") || JsonConcepts.HasCode(verification, "entered-in-error"))
        {
            return null;
        }

        var code = Json.Object(condition, "code"u8);
        var (codes, texts) = (JsonConcepts.Codes(code), JsonConcepts.Texts(code));
        var recognised = recognizer.Recognise(codes, texts);
        if (recognised is not { } match)
        {
            return null;
        }

        var clinical = Json.Object(condition, "clinicalStatus"u8);
        var status = clinical is null ? ConditionClinicalStatus.Unspecified
            : JsonConcepts.HasCode(clinical, "active") || JsonConcepts.HasCode(clinical, "recurrence") || JsonConcepts.HasCode(clinical, "relapse")
                ? ConditionClinicalStatus.Active
            : ConditionClinicalStatus.Inactive;
        return new ConditionFact(FhirReferences.Of("Condition", condition), match.Kind, status, match.RecognisedBy, JsonConcepts.Describe(texts, codes), match.Recognition);
    }
}
