using CdsBone.Rules.Facts;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>Patient → <see cref="PatientFacts"/>: administrative sex and birth date, nothing else (no names, no identifiers).</summary>
internal static class PatientMapper
{
    public static PatientFacts Map(Patient patient, List<InputIssue> issues)
    {
        var sex = SafeRead.Value(() => patient.Gender, issues, Reference(patient), "gender") switch
        {
            AdministrativeGender.Male => Sex.Male,
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Other => Sex.Other,
            _ => Sex.Unknown,
        };
        if (sex == Sex.Unknown)
        {
            issues.Add(new InputIssue(Reference(patient), "Patient.gender is missing or unknown: sex-specific rules cannot apply"));
        }

        DateOnly? birthDate = null;
        if (patient.BirthDateElement is { } element && element.TryToDateTimeOffset(out var birth))
        {
            birthDate = DateOnly.FromDateTime(birth.UtcDateTime);
        }
        else
        {
            issues.Add(new InputIssue(Reference(patient), "Patient.birthDate is missing or unreadable: age-based rules cannot apply"));
        }

        return new PatientFacts(sex, birthDate);
    }

    private static string Reference(Patient patient) => FhirReferences.Of(patient);
}
