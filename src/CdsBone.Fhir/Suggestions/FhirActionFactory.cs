using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Serialization;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Suggestions;

/// <summary>
/// Turns the rules' actions into FHIR R4 actions (CLINICAL-RULES.md §6 suggestions): delete the draft by
/// <c>resourceId</c>; update an order with its whole resource (new dosage, or status stopped); create a draft
/// ServiceRequest for a missing test. Every resource is valid R4 (the tests validate them with Firely's validator).
/// </summary>
public static class FhirActionFactory
{
    /// <summary>The FHIR action for <paramref name="action"/>, or null when it cannot be expressed (the order is unknown).</summary>
    public static FhirAction? Create(SuggestedAction action, HookResources resources, string patientId)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resources);
        return action switch
        {
            RemoveDraftOrder remove => new FhirAction("delete", $"{remove.Label} (the unsigned draft)", null, remove.OrderId),
            StopActiveOrder stop => resources.Order(stop.OrderId) is { } active ? Update(active, stop.Label, r => r.Status = MedicationRequest.MedicationrequestStatus.Stopped) : null,
            ChangeDose change => resources.Order(change.OrderId) is { } order
                ? Update(order, $"{change.Label} (was {change.CurrentDose})", r => r.DosageInstruction = [Dosage(change.NewDose)])
                : null,
            OrderTest test => new FhirAction("create", test.Label, FhirJson.ToElement(ServiceRequestFor(test.Test, patientId)), null),
            _ => null,
        };
    }

    private static FhirAction? Update(MedicationRequest original, string description, Action<MedicationRequest> change)
    {
        try
        {
            var updated = (MedicationRequest)original.DeepCopy();
            change(updated);

            // Real clients omit intent on drafts; an update must carry a valid resource, and a prescription is an order.
            updated.Intent ??= MedicationRequest.MedicationRequestIntent.Order;
            return new FhirAction("update", description, FhirJson.ToElement(updated), null);
        }
#pragma warning disable CA1031 // An order Firely could only partly read (e.g. a status of the wrong JSON type) cannot be echoed back
        catch (Exception)
#pragma warning restore CA1031
        {
            // as a valid update: the suggestion is left out and the card still advises in words.
            return null;
        }
    }

    private static Dosage Dosage(DoseRegimen regimen) => new()
    {
        Text = regimen.ToString(),
        Timing = new Timing
        {
            Repeat = new Timing.RepeatComponent
            {
                Frequency = regimen.Frequency,
                Period = regimen.Period,
                PeriodUnit = regimen.PeriodUnit switch
                {
                    DosePeriodUnit.Day => Timing.UnitsOfTime.D,
                    DosePeriodUnit.Week => Timing.UnitsOfTime.Wk,
                    _ => Timing.UnitsOfTime.Mo,
                },
            },
        },
        DoseAndRate =
        [
            new Dosage.DoseAndRateComponent
            {
                Dose = new Quantity { Value = regimen.DoseMg, Unit = "mg", System = CodeSystems.Ucum, Code = "mg" },
            },
        ],
    };

    private static ServiceRequest ServiceRequestFor(LabTest test, string patientId)
    {
        var (code, display) = LabTestCodes.For(test);
        return new ServiceRequest
        {
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference($"Patient/{patientId}"),
            Code = new CodeableConcept(code.System, code.Code, display, display),
        };
    }
}
