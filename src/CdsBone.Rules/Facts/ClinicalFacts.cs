namespace CdsBone.Rules.Facts;

/// <summary>Whether a kind of data could be had at all (not the same as "none recorded").</summary>
public enum DataAvailability
{
    /// <summary>Received (possibly empty).</summary>
    Available,
    /// <summary>Could not be had: what depends on it is unknown, not absent.</summary>
    Unavailable,
}

/// <summary>Something in the input that could not be read as sent: reported, never silently dropped.</summary>
/// <param name="Location">Where: a FHIR reference or path, e.g. <c>Observation/12.valueQuantity</c>.</param>
/// <param name="Problem">What is wrong, in words.</param>
public sealed record InputIssue(string Location, string Problem);

/// <summary>Everything the rules know of one patient at one moment: the output of the FHIR mapping.</summary>
public sealed record ClinicalFacts
{
    /// <summary>The patient.</summary>
    public required PatientFacts Patient { get; init; }

    /// <summary>Lab results, any status and date.</summary>
    public IReadOnlyList<LabResult> Labs { get; init; } = [];

    /// <summary>DXA results, any status and date.</summary>
    public IReadOnlyList<DxaResult> Dxa { get; init; } = [];

    /// <summary>The medication list (prefetch <c>medications</c>) without the orders under review.</summary>
    public IReadOnlyList<Therapy> Medications { get; init; } = [];

    /// <summary>The orders the hook is about: draftOrders (order-sign) or the selected ones (order-select).</summary>
    public IReadOnlyList<Therapy> OrdersUnderReview { get; init; } = [];

    /// <summary>Recognised conditions.</summary>
    public IReadOnlyList<ConditionFact> Conditions { get; init; } = [];

    /// <summary>Whether the condition list could be had; when not, the oncology context is unknown.</summary>
    public DataAvailability ConditionsAvailability { get; init; } = DataAvailability.Available;

    /// <summary>Problems met while reading the input.</summary>
    public IReadOnlyList<InputIssue> InputIssues { get; init; } = [];
}
