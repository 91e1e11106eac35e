using System.Text.Json;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// MedicationRequest JSON → <see cref="Therapy"/> by RxNorm code or by text (§4a, §6). A missing intent is tolerated (real
/// clients omit it); the dose is read only when milligrams, frequency and period are all stated, never guessed.
/// </summary>
internal static class MedicationMapper
{
    private const string ResourceType = "MedicationRequest";
    private const string Milligrams = "mg";
    private const decimal HoursPerDay = 24m;
    private static readonly string[] TabletUnits = ["{pill}", "{tablet}", "{tbl}", "{tab}", "{capsule}", "tablet", "tab", "pill"];

    public static Therapy? Map(JsonElement request, List<InputIssue> issues, MedicationRecognizer recognizer)
    {
        var (codes, texts) = Medication(request);
        var recognised = recognizer.Recognise(codes, texts);
        if (recognised is not { } match)
        {
            return null;
        }

        var id = FhirReferences.Of(ResourceType, request);
        var status = Json.Code(request, "status"u8, issues, id) switch
        {
            "draft" => TherapyStatus.Draft,
            "active" => TherapyStatus.Active,
            "on-hold" => TherapyStatus.OnHold,
            "stopped" => TherapyStatus.Stopped,
            "completed" => TherapyStatus.Completed,
            "cancelled" => TherapyStatus.Cancelled,
            "entered-in-error" => TherapyStatus.EnteredInError,
            "unknown" or null => TherapyStatus.Unknown,
            var code => Unrecognised(code, issues, id),
        };
        if (FhirReferences.IdOf(request) is null)
        {
            issues.Add(new InputIssue(id, "MedicationRequest has no id: suggestions cannot refer to it"));
        }

        var strength = codes.Select(c => RxNorm.TabletStrengthMg.TryGetValue(c, out var mg) ? mg : (decimal?)null).FirstOrDefault(mg => mg is not null);
        return new Therapy(id, match.Class, match.Agent, status, ReadDose(Json.Objects(request, "dosageInstruction"u8).ToList(), strength), match.RecognisedBy,
            JsonConcepts.Describe(texts, codes), match.Recognition, match.BreastCancerOnly);
    }

    /// <summary>
    /// The medication's codes and texts: the CodeableConcept, or a contained Medication (reference "#id") that carries
    /// the codes; a reference to anything else can only be read by its display.
    /// </summary>
    private static (List<ClinicalCode> Codes, List<string?> Texts) Medication(JsonElement request)
    {
        var concept = Json.Object(request, "medicationCodeableConcept"u8);
        if (Json.Object(request, "medicationReference"u8) is { } reference)
        {
            var containedId = Json.String(reference, "reference"u8) is { Length: > 1 } r && r[0] == '#' ? r[1..] : null;
            concept = containedId is null ? null : ContainedMedicationCode(request, containedId);
            if (concept is null)
            {
                return ([], [Json.String(reference, "display"u8)]);
            }
        }

        return (JsonConcepts.Codes(concept), JsonConcepts.Texts(concept));
    }

    private static JsonElement? ContainedMedicationCode(JsonElement request, string id)
    {
        foreach (var contained in Json.Objects(request, "contained"u8))
        {
            if (Json.String(contained, "resourceType"u8) == "Medication" && Json.String(contained, "id"u8) == id)
            {
                return Json.Object(contained, "code"u8);
            }
        }

        return null;
    }

    private static TherapyStatus Unrecognised(string code, List<InputIssue> issues, string id)
    {
        issues.Add(new InputIssue($"{id}.status", $"'{code}' is not a MedicationRequest status"));
        return TherapyStatus.Unknown;
    }

    private static DoseRegimen? ReadDose(List<JsonElement> dosages, decimal? tabletStrengthMg)
    {
        if (dosages.Count != 1)
        {
            return null;
        }

        var dosage = dosages[0];

        // As-needed use, or a range of frequency or period, has no single weekly dose (§5: the dose is then unknown).
        if (Json.Property(dosage, "asNeededBoolean"u8) is { ValueKind: JsonValueKind.True } || Json.Object(dosage, "asNeededCodeableConcept"u8) is not null)
        {
            return null;
        }

        var repeat = Json.Object(dosage, "timing"u8) is { } timing ? Json.Object(timing, "repeat"u8) : null;
        var dose = Json.Objects(dosage, "doseAndRate"u8).Select(d => Json.Object(d, "doseQuantity"u8)).FirstOrDefault(q => q is not null);
        if (dose is not { } quantity || repeat is not { } schedule
            || Json.Property(schedule, "frequencyMax"u8) is not null || Json.Property(schedule, "periodMax"u8) is not null)
        {
            return null;
        }

        // A count of tablets is milligrams only when the product's strength is known; otherwise the dose stays unknown.
        var unit = Json.String(quantity, "code"u8) ?? Json.String(quantity, "unit"u8);
        var perUnit = string.Equals(unit, Milligrams, StringComparison.Ordinal) ? 1m
            : unit is not null && TabletUnits.Contains(unit, StringComparer.OrdinalIgnoreCase) ? tabletStrengthMg
            : null;
        var amount = Json.Number(quantity, "value"u8);
        var frequency = Json.Integer(schedule, "frequency"u8);
        var periodLength = Json.Number(schedule, "period"u8);
        var periodUnit = Json.String(schedule, "periodUnit"u8);
        if (amount is not > 0m || perUnit is null || frequency is not > 0 || periodLength is not > 0m || periodUnit is null)
        {
            return null;
        }

        try
        {
            // The weekly dose is what the rules rank and scale: it must be computable, not only the parts.
            return Regimen(amount.Value * perUnit.Value, frequency.Value, periodLength.Value, periodUnit) is { } regimen && Json.IsComputable(regimen.WeeklyDoseMg)
                ? regimen
                : null;
        }
        catch (OverflowException)
        {
            // Absurd magnitudes (beyond decimal) are not a dose; the card says the dose is unknown.
            return null;
        }
    }

    private static DoseRegimen? Regimen(decimal mg, int frequency, decimal periodLength, string periodUnit)
    {
        if (periodUnit == "h")
        {
            // "Every 12 hours" is twice daily: hourly periods are expressed per day.
            var timesPerDay = frequency * HoursPerDay / periodLength;
            return timesPerDay == decimal.Truncate(timesPerDay) && timesPerDay <= int.MaxValue
                ? new DoseRegimen(mg, (int)timesPerDay, 1m, DosePeriodUnit.Day)
                : new DoseRegimen(mg, frequency, periodLength / HoursPerDay, DosePeriodUnit.Day);
        }

        DosePeriodUnit? unit = periodUnit switch
        {
            "d" => DosePeriodUnit.Day,
            "wk" => DosePeriodUnit.Week,
            "mo" => DosePeriodUnit.Month,
            _ => null,
        };
        return unit is { } period ? new DoseRegimen(mg, frequency, periodLength, period) : null;
    }
}
