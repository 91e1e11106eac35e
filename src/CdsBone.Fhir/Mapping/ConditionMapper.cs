using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>Condition → <see cref="ConditionFact"/> by SNOMED CT or ICD-10 code, else by text (§4b). Refuted or entered-in-error conditions are dropped.</summary>
internal static class ConditionMapper
{
    public static ConditionFact? Map(Condition condition)
    {
        if (CodeableConcepts.HasCode(condition.VerificationStatus, "refuted") || CodeableConcepts.HasCode(condition.VerificationStatus, "entered-in-error"))
        {
            return null;
        }

        var recognised = ConditionCatalog.Recognise(CodeableConcepts.Codes(condition.Code), CodeableConcepts.Texts(condition.Code));
        if (recognised is not { } match)
        {
            return null;
        }

        var status = condition.ClinicalStatus is null ? ConditionClinicalStatus.Unspecified
            : CodeableConcepts.HasCode(condition.ClinicalStatus, "active") || CodeableConcepts.HasCode(condition.ClinicalStatus, "recurrence")
                || CodeableConcepts.HasCode(condition.ClinicalStatus, "relapse") ? ConditionClinicalStatus.Active
            : ConditionClinicalStatus.Inactive;
        return new ConditionFact(FhirReferences.Of(condition), match.Kind, status, match.RecognisedBy, CodeableConcepts.Describe(condition.Code));
    }
}
