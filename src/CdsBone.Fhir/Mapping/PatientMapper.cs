using System.Text.Json;
using CdsBone.Rules.Facts;

namespace CdsBone.Fhir.Mapping;

/// <summary>Patient JSON → <see cref="PatientFacts"/>: administrative sex and birth date, nothing else (no names, no identifiers).</summary>
internal static class PatientMapper
{
    public static PatientFacts Map(JsonElement patient, List<InputIssue> issues)
    {
        var reference = FhirReferences.Of("Patient", patient);
        var sex = Json.Code(patient, "gender"u8, issues, reference) switch
        {
            "male" => Sex.Male,
            "female" => Sex.Female,
            "other" => Sex.Other,
            "unknown" or null => Sex.Unknown,
            var code => Unrecognised(code, issues, reference),
        };
        if (sex == Sex.Unknown)
        {
            issues.Add(new InputIssue(reference, "Patient.gender is missing or unknown: sex-specific rules cannot apply"));
        }

        var birthDate = Json.Date(Json.String(patient, "birthDate"u8));
        if (birthDate is null)
        {
            issues.Add(new InputIssue(reference, "Patient.birthDate is missing or unreadable: age-based rules cannot apply"));
        }

        return new PatientFacts(sex, birthDate);
    }

    private static Sex Unrecognised(string code, List<InputIssue> issues, string reference)
    {
        issues.Add(new InputIssue($"{reference}.gender", $"'{code}' is not an AdministrativeGender"));
        return Sex.Unknown;
    }
}
