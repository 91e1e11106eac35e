namespace CdsBone.Fhir.Client;

/// <summary>
/// What one hook call may read from FHIR servers in total, across all prefetch keys and pages
/// (<see cref="FhirClientOptions.MaxHookBytes"/>, <see cref="FhirClientOptions.MaxHookResources"/>): a hostile or
/// oversized server costs at most this much memory and parsing, however its data is split into keys and pages.
/// Shared by the concurrent fetches of one call.
/// </summary>
public sealed class FetchBudget(long maxBytes, int maxResources)
{
    private long _bytes;
    private long _resources;

    /// <summary>The budget of <paramref name="options"/>.</summary>
    public static FetchBudget For(FhirClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FetchBudget(options.MaxHookBytes, options.MaxHookResources);
    }

    /// <summary>Bytes still available.</summary>
    public long RemainingBytes => Math.Max(0, maxBytes - Interlocked.Read(ref _bytes));

    /// <summary>The byte limit.</summary>
    public long MaxBytes => maxBytes;

    /// <summary>The resource limit.</summary>
    public int MaxResources => maxResources;

    /// <summary>Takes <paramref name="bytes"/>; false (and the budget spent) when that goes over it.</summary>
    public bool TryTakeBytes(long bytes) => Interlocked.Add(ref _bytes, bytes) <= maxBytes;

    /// <summary>Takes <paramref name="resources"/> entries; false when that goes over the budget.</summary>
    public bool TryTakeResources(int resources) => Interlocked.Add(ref _resources, resources) <= maxResources;
}
