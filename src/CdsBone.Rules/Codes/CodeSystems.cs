namespace CdsBone.Rules.Codes;

/// <summary>Canonical URIs of the code systems CdsBone reads.</summary>
public static class CodeSystems
{
    /// <summary>LOINC, <see href="https://terminology.hl7.org/CodeSystem-v3-loinc.html"/>.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>RxNorm, <see href="https://terminology.hl7.org/CodeSystem-v3-rxNorm.html"/>.</summary>
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>SNOMED CT, <see href="https://terminology.hl7.org/CodeSystem-v3-snomed-CT.html"/>.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>ICD-10 (WHO).</summary>
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";

    /// <summary>ICD-10-CM (US clinical modification).</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>UCUM, <see href="https://ucum.org/ucum"/>.</summary>
    public const string Ucum = "http://unitsofmeasure.org";
}
