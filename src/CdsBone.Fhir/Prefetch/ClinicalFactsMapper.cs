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
        var values = new[] { PrefetchKeys.Patient, PrefetchKeys.Observations, PrefetchKeys.Medications, PrefetchKeys.Conditions }
            .Select(key => PrefetchValue.Classify(key, input.Prefetch.TryGetValue(key, out var json) ? json : null, _reader, issues))
            .ToDictionary(v => v.Key, StringComparer.Ordinal);

        var missing = PrefetchKeys.Required.Select(k => values[k]).Where(v => !v.HasData).Select(v => new MissingPrefetch(v.Key, v.State)).ToList();
        if (missing.Count > 0)
        {
            return new FactsMapping(null, missing, values.Values.ToList());
        }

        foreach (var paged in values.Values.Where(v => v.NextPage is not null))
        {
            issues.Add(new InputIssue($"prefetch.{paged.Key}", "the result is paged; only the pages received were read"));
        }

        var results = values[PrefetchKeys.Observations].Resources.OfType<Observation>()
            .Select(o => _observations.Map(o, issues)).OfType<ResultFact>().ToList();
        var facts = new ClinicalFacts
        {
            Patient = MapPatient(values[PrefetchKeys.Patient], issues),
            Labs = results.OfType<LabResult>().ToList(),
            Dxa = results.OfType<DxaResult>().ToList(),
            Medications = values[PrefetchKeys.Medications].Resources.OfType<MedicationRequest>()
                .Select(m => MedicationMapper.Map(m, issues)).OfType<Therapy>().ToList(),
            OrdersUnderReview = MapOrders(input, issues),
            Conditions = values[PrefetchKeys.Conditions].Resources.OfType<Condition>().Select(ConditionMapper.Map).OfType<ConditionFact>().ToList(),
            ConditionsAvailability = values[PrefetchKeys.Conditions].HasData ? DataAvailability.Available : DataAvailability.Unavailable,
            InputIssues = issues,
        };
        return new FactsMapping(facts, [], values.Values.ToList());
    }

    private static PatientFacts MapPatient(PrefetchValue value, List<InputIssue> issues)
    {
        if (value.Resources.OfType<Patient>().FirstOrDefault() is { } patient)
        {
            return PatientMapper.Map(patient, issues);
        }

        issues.Add(new InputIssue("prefetch.patient", "no Patient resource: sex and age are unknown"));
        return new PatientFacts(Sex.Unknown, null);
    }

    private List<Therapy> MapOrders(HookInput input, List<InputIssue> issues)
    {
        if (input.Trigger == HookTrigger.PatientView || input.DraftOrders is not { ValueKind: JsonValueKind.Object } draftOrders)
        {
            return [];
        }

        var read = _reader.Read(draftOrders, "context.draftOrders");
        issues.AddRange(read.Issues.Where(i => !IsToleratedDeviation(i)));
        IEnumerable<MedicationRequest> requests = read.Resource switch
        {
            Bundle bundle => bundle.Entry.Select(e => e.Resource).OfType<MedicationRequest>(),
            MedicationRequest single => [single],
            _ => [],
        };
        if (input.Trigger == HookTrigger.OrderSelect)
        {
            var selected = input.Selections.ToHashSet(StringComparer.Ordinal);
            requests = requests.Where(r => selected.Contains($"MedicationRequest/{r.Id}"));
        }

        return requests.Select(r => MedicationMapper.Map(r, issues)).OfType<Therapy>().ToList();
    }

    /// <summary>
    /// Real clients send draftOrders Bundles without <c>type</c> and MedicationRequests without <c>intent</c>
    /// (fixtures README). Neither changes a clinical value, so neither is reported.
    /// </summary>
    private static bool IsToleratedDeviation(InputIssue issue) =>
        issue.Problem.Contains("PVAL105", StringComparison.Ordinal)
        && (issue.Problem.Contains("type' with", StringComparison.Ordinal) || issue.Problem.Contains("intent' with", StringComparison.Ordinal));
}
