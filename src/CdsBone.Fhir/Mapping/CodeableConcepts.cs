using CdsBone.Rules.Codes;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>Reads codes and texts out of Firely CodeableConcepts.</summary>
internal static class CodeableConcepts
{
    public static IEnumerable<ClinicalCode> Codes(CodeableConcept? concept) =>
        concept?.Coding.Where(c => !string.IsNullOrEmpty(c.System) && !string.IsNullOrEmpty(c.Code))
            .Select(c => new ClinicalCode(c.System!, c.Code!.Trim())) ?? [];

    public static IEnumerable<string?> Texts(CodeableConcept? concept) =>
        concept is null ? [] : [concept.Text, .. concept.Coding.Select(c => c.Display)];

    public static string Describe(CodeableConcept? concept) =>
        concept?.Text ?? concept?.Coding.Select(c => c.Display ?? c.Code).FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? "(no text)";

    public static bool HasCode(CodeableConcept? concept, string code) =>
        concept?.Coding.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) == true;
}
