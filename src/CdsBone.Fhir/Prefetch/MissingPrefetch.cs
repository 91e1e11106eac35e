namespace CdsBone.Fhir.Prefetch;

/// <summary>Required data that could not be had: the host answers 412 with an OperationOutcome built from these.</summary>
/// <param name="Key">The prefetch key.</param>
/// <param name="State">What was received in its place.</param>
public sealed record MissingPrefetch(string Key, PrefetchState State)
{
    /// <summary>The problem in words.</summary>
    public string Message => State switch
    {
        PrefetchState.OperationOutcome => $"prefetch '{Key}' is an OperationOutcome: the EHR could not provide it",
        PrefetchState.Unreadable => $"prefetch '{Key}' is not a readable FHIR resource",
        _ => $"prefetch '{Key}' is required and was not provided",
    };
}
