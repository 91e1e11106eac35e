using System.Text.Json;
using CdsBone.Fhir.Mapping;
using CdsBone.Fhir.Serialization;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Recognition;
using CdsBone.Rules.Terminology;

namespace CdsBone.Fhir.Prefetch;

/// <summary>
/// Turns a hook's draft orders and prefetch values into <see cref="ClinicalFacts"/>. Every problem in the input is
/// reported as an <see cref="InputIssue"/>; required data that is absent, an OperationOutcome or unreadable is
/// returned as <see cref="MissingPrefetch"/> (the prefetch-fallback layer fetches it before this runs).
/// Resources are read from the request's JSON (docs/performance.md); Firely reads an order only when a suggestion
/// must echo it back changed (<see cref="HookResources"/>).
/// </summary>
public sealed class ClinicalFactsMapper
{
    private const string DraftOrdersLocation = "context.draftOrders";
    private const string MedicationRequestType = "MedicationRequest";
    private static readonly string[] Keys = [PrefetchKeys.Patient, PrefetchKeys.Observations, PrefetchKeys.Medications, PrefetchKeys.Conditions];
    private readonly FhirResourceReader _reader;
    private readonly ObservationMapper _observations;
    private readonly ConditionRecognizer _conditions;
    private readonly MedicationRecognizer _medications;

    /// <summary>Creates a mapper sharing one reader, one UCUM converter and the loaded value sets (all thread-safe).</summary>
    public ClinicalFactsMapper(FhirResourceReader reader, UcumQuantityConverter converter, IConceptMembership terminology)
    {
        _reader = reader;
        _observations = new ObservationMapper(converter);
        _conditions = new ConditionRecognizer(terminology);
        _medications = new MedicationRecognizer(terminology);
    }

    /// <summary>Maps <paramref name="input"/>.</summary>
    public FactsMapping Map(HookInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var issues = new List<InputIssue>();
        var resources = new HookResources(_reader);
        var values = new Dictionary<string, PrefetchValue>(Keys.Length, StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            values[key] = PrefetchValue.Classify(key, input.Prefetch.TryGetValue(key, out var json) ? json : null, issues);
        }

        var missing = PrefetchKeys.Required.Select(k => values[k]).Where(v => !v.HasData).Select(v => new MissingPrefetch(v.Key, v.State)).ToList();
        if (missing.Count > 0)
        {
            return new FactsMapping(null, missing, values.Values.ToList(), resources);
        }

        foreach (var paged in values.Values.Where(v => v.NextPage is not null))
        {
            issues.Add(new InputIssue($"prefetch.{paged.Key}", "the result is paged; only the pages received were read"));
        }

        var labs = new List<LabResult>();
        var dxa = new List<DxaResult>();
        var entry = 0;
        foreach (var observation in values[PrefetchKeys.Observations].Resources)
        {
            switch (_observations.Map(observation, issues, entry++))
            {
                case LabResult lab:
                    labs.Add(lab);
                    break;
                case DxaResult scan:
                    dxa.Add(scan);
                    break;
            }
        }

        var medications = values[PrefetchKeys.Medications].Resources;
        var facts = new ClinicalFacts
        {
            Patient = MapPatient(values[PrefetchKeys.Patient], issues),
            Labs = labs,
            Dxa = dxa,
            Medications = medications.Select(m => MedicationMapper.Map(m, issues, _medications)).OfType<Therapy>().ToList(),
            OrdersUnderReview = MapOrders(input, issues, resources),
            Conditions = values[PrefetchKeys.Conditions].Resources.Select(c => ConditionMapper.Map(c, _conditions)).OfType<ConditionFact>().ToList(),
            ConditionsAvailability = values[PrefetchKeys.Conditions].HasData ? DataAvailability.Available : DataAvailability.Unavailable,
            InputIssues = issues,
        };
        foreach (var request in medications)
        {
            resources.Add(FhirReferences.Of(MedicationRequestType, request), request);
        }

        return new FactsMapping(facts, [], values.Values.ToList(), resources);
    }

    private static PatientFacts MapPatient(PrefetchValue value, List<InputIssue> issues)
    {
        if (value.Resources is [var patient, ..])
        {
            return PatientMapper.Map(patient, issues);
        }

        issues.Add(new InputIssue("prefetch.patient", "no Patient resource: sex and age are unknown"));
        return new PatientFacts(Sex.Unknown, null);
    }

    private List<Therapy> MapOrders(HookInput input, List<InputIssue> issues, HookResources resources)
    {
        if (input.Trigger == HookTrigger.PatientView || input.DraftOrders is not { ValueKind: JsonValueKind.Object } draftOrders)
        {
            return [];
        }

        // Real clients send draftOrders Bundles without a type and MedicationRequests without an intent (fixtures
        // README); neither changes a clinical value, so neither is reported.
        IEnumerable<JsonElement> requests = BundleReader.Read(draftOrders, MedicationRequestType, DraftOrdersLocation, issues).Resources;
        if (input.Trigger == HookTrigger.OrderSelect)
        {
            var selected = input.Selections.ToHashSet(StringComparer.Ordinal);
            requests = requests.Where(r => selected.Contains(FhirReferences.Of(MedicationRequestType, r)));
        }

        var orders = new List<Therapy>();
        foreach (var order in requests)
        {
            resources.Add(FhirReferences.Of(MedicationRequestType, order), order);
            if (MedicationMapper.Map(order, issues, _medications) is { } therapy)
            {
                orders.Add(therapy);
            }
        }

        return orders;
    }
}
