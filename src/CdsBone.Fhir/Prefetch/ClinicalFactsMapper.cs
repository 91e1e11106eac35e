using System.Text.Json;
using CdsBone.Fhir.Mapping;
using CdsBone.Fhir.Serialization;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Prefetch;

/// <summary>
/// Turns a hook's draft orders and prefetch values into <see cref="ClinicalFacts"/>. Every problem in the input is
/// reported as an <see cref="InputIssue"/>; required data that is absent, an OperationOutcome or unreadable is
/// returned as <see cref="MissingPrefetch"/> (the prefetch-fallback layer fetches it before this runs).
/// </summary>
public sealed class ClinicalFactsMapper
{
    private readonly FhirResourceReader _reader;
    private readonly ObservationMapper _observations;

    /// <summary>Creates a mapper sharing one reader and one UCUM converter (both thread-safe).</summary>
    public ClinicalFactsMapper(FhirResourceReader reader, UcumQuantityConverter converter)
    {
        _reader = reader;
        _observations = new ObservationMapper(converter);
    }

    /// <summary>Maps <paramref name="input"/>.</summary>
    public FactsMapping Map(HookInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var issues = new List<InputIssue>();
        var resources = new HookResources();
        var values = new[] { PrefetchKeys.Patient, PrefetchKeys.Observations, PrefetchKeys.Medications, PrefetchKeys.Conditions }
            .Select(key => PrefetchValue.Classify(key, input.Prefetch.TryGetValue(key, out var json) ? json : null, _reader, issues))
            .ToDictionary(v => v.Key, StringComparer.Ordinal);

        var missing = PrefetchKeys.Required.Select(k => values[k]).Where(v => !v.HasData).Select(v => new MissingPrefetch(v.Key, v.State)).ToList();
        if (missing.Count > 0)
        {
            return new FactsMapping(null, missing, values.Values.ToList(), resources);
        }

        foreach (var paged in values.Values.Where(v => v.NextPage is not null))
        {
            issues.Add(new InputIssue($"prefetch.{paged.Key}", "the result is paged; only the pages received were read"));
        }

        var results = values[PrefetchKeys.Observations].Elements.Select(o => _observations.Map(o, issues)).OfType<ResultFact>().ToList();
        var facts = new ClinicalFacts
        {
            Patient = MapPatient(values[PrefetchKeys.Patient], issues),
            Labs = results.OfType<LabResult>().ToList(),
            Dxa = results.OfType<DxaResult>().ToList(),
            Medications = values[PrefetchKeys.Medications].Resources.OfType<MedicationRequest>()
                .Select(m => Guarded(m, () => MedicationMapper.Map(m, issues), issues)).OfType<Therapy>().ToList(),
            OrdersUnderReview = MapOrders(input, issues, resources),
            Conditions = values[PrefetchKeys.Conditions].Resources.OfType<Condition>()
                .Select(c => Guarded(c, () => ConditionMapper.Map(c), issues)).OfType<ConditionFact>().ToList(),
            ConditionsAvailability = values[PrefetchKeys.Conditions].HasData ? DataAvailability.Available : DataAvailability.Unavailable,
            InputIssues = issues,
        };
        foreach (var request in values[PrefetchKeys.Medications].Resources.OfType<MedicationRequest>())
        {
            resources.Add(FhirReferences.Of(request), request);
        }

        return new FactsMapping(facts, [], values.Values.ToList(), resources);
    }

    /// <summary>
    /// Firely's partial result of malformed input can throw from almost any getter (a primitive of the wrong JSON type, a
    /// single value where a list belongs). A resource that throws while being mapped is reported and left out: untrusted
    /// input must never fail the whole hook, and the property tests mutate fixtures to prove it.
    /// </summary>
    private static T? Guarded<T>(Resource resource, Func<T?> map, List<InputIssue> issues)
        where T : class
    {
        try
        {
            return map();
        }
#pragma warning disable CA1031 // Untrusted input: any failure of one resource is reported as an issue, see above.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            issues.Add(new InputIssue(FhirReferences.Of(resource), $"could not be read and was not used: {ex.Message}"));
            return null;
        }
    }

    private static PatientFacts MapPatient(PrefetchValue value, List<InputIssue> issues)
    {
        if (value.Resources.OfType<Patient>().FirstOrDefault() is { } patient)
        {
            return Guarded(patient, () => PatientMapper.Map(patient, issues), issues) ?? new PatientFacts(Sex.Unknown, null);
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

        var read = _reader.Read(draftOrders, "context.draftOrders");
        issues.AddRange(read.Issues.Where(i => !IsToleratedDeviation(i)));
        IEnumerable<MedicationRequest> requests = read.Resource switch
        {
            Bundle bundle => BundleEntries.Resources(bundle, "context.draftOrders", issues).OfType<MedicationRequest>(),
            MedicationRequest single => [single],
            _ => [],
        };
        if (input.Trigger == HookTrigger.OrderSelect)
        {
            var selected = input.Selections.ToHashSet(StringComparer.Ordinal);
            requests = requests.Where(r => selected.Contains(FhirReferences.Of(r)));
        }

        var orders = requests.ToList();
        foreach (var order in orders)
        {
            resources.Add(FhirReferences.Of(order), order);
        }

        return orders.Select(r => Guarded(r, () => MedicationMapper.Map(r, issues), issues)).OfType<Therapy>().ToList();
    }

    /// <summary>
    /// Real clients send draftOrders Bundles without <c>type</c> and MedicationRequests without <c>intent</c>
    /// (fixtures README). Neither changes a clinical value, so neither is reported.
    /// </summary>
    private static bool IsToleratedDeviation(InputIssue issue) =>
        issue.Problem.Contains("PVAL105", StringComparison.Ordinal)
        && (issue.Problem.Contains("type' with", StringComparison.Ordinal) || issue.Problem.Contains("intent' with", StringComparison.Ordinal));
}
