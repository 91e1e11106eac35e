using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// MedicationRequest → <see cref="Therapy"/> by RxNorm code or by text (§4a, §6). A missing intent is tolerated (real
/// clients omit it); the dose is read only when milligrams, frequency and period are all stated, never guessed.
/// </summary>
internal static class MedicationMapper
{
    private const string Milligrams = "mg";
    private const decimal HoursPerDay = 24m;
    private static readonly string[] TabletUnits = ["{pill}", "{tablet}", "{tbl}", "{tab}", "{capsule}", "tablet", "tab", "pill"];

    public static Therapy? Map(MedicationRequest request, List<InputIssue> issues)
    {
        var concept = request.Medication as CodeableConcept;
        if (request.Medication is ResourceReference reference)
        {
            // A contained Medication (reference "#id") carries the codes; otherwise only the display can be read.
            var containedId = SafeRead.Text(() => reference.Reference) is { Length: > 1 } r && r[0] == '#' ? r[1..] : null;
            var contained = request.Contained.OfType<Medication>().FirstOrDefault(m => containedId is not null && SafeRead.Text(() => m.Id) == containedId);
            concept = contained?.Code ?? new CodeableConcept { Text = SafeRead.Text(() => reference.Display) };
        }

        var recognised = MedicationCatalog.Recognise(CodeableConcepts.Codes(concept), CodeableConcepts.Texts(concept));
        if (recognised is not { } match)
        {
            return null;
        }

        var id = FhirReferences.Of(request);
        var status = SafeRead.Value(() => request.Status, issues, id, "status") switch
        {
            MedicationRequest.MedicationrequestStatus.Draft => TherapyStatus.Draft,
            MedicationRequest.MedicationrequestStatus.Active => TherapyStatus.Active,
            MedicationRequest.MedicationrequestStatus.OnHold => TherapyStatus.OnHold,
            MedicationRequest.MedicationrequestStatus.Stopped => TherapyStatus.Stopped,
            MedicationRequest.MedicationrequestStatus.Completed => TherapyStatus.Completed,
            MedicationRequest.MedicationrequestStatus.Cancelled => TherapyStatus.Cancelled,
            MedicationRequest.MedicationrequestStatus.EnteredInError => TherapyStatus.EnteredInError,
            _ => TherapyStatus.Unknown,
        };
        if (FhirReferences.IdOf(request) is null)
        {
            issues.Add(new InputIssue(id, "MedicationRequest has no id: suggestions cannot refer to it"));
        }

        var strength = CodeableConcepts.Codes(concept).Select(c => RxNorm.TabletStrengthMg.TryGetValue(c, out var mg) ? mg : (decimal?)null)
            .FirstOrDefault(mg => mg is not null);
        return new Therapy(id, match.Class, match.Agent, status, ReadDose(request.DosageInstruction.OfType<Dosage>().ToList(), strength), match.RecognisedBy, CodeableConcepts.Describe(concept));
    }

    private static DoseRegimen? ReadDose(List<Dosage> dosages, decimal? tabletStrengthMg)
    {
        if (dosages.Count != 1)
        {
            return null;
        }

        var dosage = dosages[0];
        var repeat = dosage.Timing?.Repeat;
        var dose = dosage.DoseAndRate.OfType<Dosage.DoseAndRateComponent>().Select(d => d.Dose).OfType<Quantity>().FirstOrDefault();
        if (dose is null || repeat is null)
        {
            return null;
        }

        // A count of tablets is milligrams only when the product's strength is known; otherwise the dose stays unknown.
        var perUnit = IsMilligrams(dose) ? 1m : IsTabletCount(dose) ? tabletStrengthMg : null;
        var mg = SafeRead.Value(() => dose.Value) * perUnit;
        var frequency = SafeRead.Value(() => repeat.Frequency);
        var periodLength = SafeRead.Value(() => repeat.Period);
        var unit = SafeRead.Value(() => repeat.PeriodUnit);
        if (mg is not > 0m || frequency is not > 0 || periodLength is not > 0m || unit is null)
        {
            return null;
        }

        if (unit == Timing.UnitsOfTime.H)
        {
            // "Every 12 hours" is twice daily: hourly periods are expressed per day.
            var timesPerDay = frequency.Value * HoursPerDay / periodLength.Value;
            return timesPerDay == decimal.Truncate(timesPerDay)
                ? new DoseRegimen(mg.Value, (int)timesPerDay, 1m, DosePeriodUnit.Day)
                : new DoseRegimen(mg.Value, frequency.Value, periodLength.Value / HoursPerDay, DosePeriodUnit.Day);
        }

        DosePeriodUnit? periodUnit = unit.Value switch
        {
            Timing.UnitsOfTime.D => DosePeriodUnit.Day,
            Timing.UnitsOfTime.Wk => DosePeriodUnit.Week,
            Timing.UnitsOfTime.Mo => DosePeriodUnit.Month,
            _ => null,
        };
        return periodUnit is { } period ? new DoseRegimen(mg.Value, frequency.Value, periodLength.Value, period) : null;
    }

    private static bool IsTabletCount(Quantity quantity) =>
        SafeRead.Text(() => quantity.Code ?? quantity.Unit) is { } unit && TabletUnits.Contains(unit, StringComparer.OrdinalIgnoreCase);

    private static bool IsMilligrams(Quantity quantity) =>
        string.Equals(SafeRead.Text(() => quantity.Code ?? quantity.Unit), Milligrams, StringComparison.Ordinal);
}
