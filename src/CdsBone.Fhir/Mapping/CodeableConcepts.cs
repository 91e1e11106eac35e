using CdsBone.Rules.Codes;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>Reads codes and texts out of Firely CodeableConcepts.</summary>
internal static class CodeableConcepts
{
    public static IEnumerable<ClinicalCode> Codes(CodeableConcept? concept) =>
        concept?.Coding.OfType<Coding>()
            .Select(c => (System: SafeRead.Text(() => c.System), Code: SafeRead.Text(() => c.Code)))
            .Where(c => !string.IsNullOrEmpty(c.System) && !string.IsNullOrEmpty(c.Code))
            .Select(c => new ClinicalCode(c.System!, c.Code!.Trim())) ?? [];

    public static IEnumerable<string?> Texts(CodeableConcept? concept) =>
        concept is null ? [] : [SafeRead.Text(() => concept.Text), .. concept.Coding.OfType<Coding>().Select(c => SafeRead.Text(() => c.Display))];

    public static string Describe(CodeableConcept? concept) =>
        Texts(concept).Concat(Codes(concept).Select(c => c.Code)).FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? "(no text)";

    public static bool HasCode(CodeableConcept? concept, string code) =>
        concept?.Coding.OfType<Coding>().Any(c => string.Equals(SafeRead.Text(() => c.Code), code, StringComparison.OrdinalIgnoreCase)) == true;
}
