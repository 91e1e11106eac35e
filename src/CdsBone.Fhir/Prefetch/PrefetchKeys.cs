namespace CdsBone.Fhir.Prefetch;

/// <summary>The prefetch keys of <c>cds-services.json</c> (CLINICAL-RULES.md §6).</summary>
public static class PrefetchKeys
{
    /// <summary><c>Patient/{{context.patientId}}</c>: required.</summary>
    public const string Patient = "patient";

    /// <summary>The Observation search: required.</summary>
    public const string Observations = "observations";

    /// <summary>The MedicationRequest search: required (a renewal cannot be told from a new start without it).</summary>
    public const string Medications = "medications";

    /// <summary>The Condition search: optional; without it the condition-based parts are unknown.</summary>
    public const string Conditions = "conditions";

    /// <summary>The keys without which no evaluation is made.</summary>
    public static IReadOnlyList<string> Required { get; } = [Patient, Observations, Medications];
}
