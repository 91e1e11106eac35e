namespace CdsBone.Rules.Codes;

/// <summary>
/// SNOMED CT concepts the service reads or writes outside the concept classes (those come from the value sets in
/// CdsBone.Fhir/Terminology, generated from shared/terminology).
/// </summary>
public static class Snomed
{
    private static ClinicalCode Code(string code) => new(CodeSystems.Snomed, code);

    /// <summary>Positive (qualifier value), for qualitative hCG results.</summary>
    public static readonly ClinicalCode Positive = Code("10828004");
    /// <summary>Bone density scan (procedure), V2: what CdsBone orders for a missing DXA.</summary>
    public static readonly ClinicalCode BoneDensityScan = Code("312681000");
}
