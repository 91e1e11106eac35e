namespace CdsBone.Fhir.Client;

/// <summary>How one prefetch key was satisfied (telemetry: provided, fetched, missing, failed).</summary>
public enum PrefetchSource
{
    /// <summary>The client sent it.</summary>
    Provided,
    /// <summary>The client sent JSON null: no data, nothing queried.</summary>
    NoData,
    /// <summary>CdsBone fetched it from the FHIR server.</summary>
    Fetched,
    /// <summary>Not sent and not fetchable (no allowed server, no token, an unfillable token).</summary>
    Missing,
    /// <summary>Fetching was tried and failed.</summary>
    Failed,
}

/// <summary>The outcome for one key, with the reason when it is not available.</summary>
/// <param name="Key">The prefetch key.</param>
/// <param name="Source">How it was satisfied.</param>
/// <param name="Problem">Why it is missing or failed (safe to return: no query, no token, no patient data).</param>
public sealed record PrefetchOutcome(string Key, PrefetchSource Source, string? Problem = null);
