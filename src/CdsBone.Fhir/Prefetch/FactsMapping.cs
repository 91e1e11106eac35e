using CdsBone.Rules.Facts;

namespace CdsBone.Fhir.Prefetch;

/// <summary>The outcome of mapping a hook's FHIR data: the facts, or the required data that was missing.</summary>
/// <param name="Facts">The facts, when every required key had data.</param>
/// <param name="Missing">The required keys without data.</param>
/// <param name="Values">How each prefetch key was classified (for telemetry: provided, missing, unreadable).</param>
/// <param name="Resources">The medication orders, for update suggestions.</param>
public sealed record FactsMapping(ClinicalFacts? Facts, IReadOnlyList<MissingPrefetch> Missing, IReadOnlyList<PrefetchValue> Values, HookResources Resources)
{
    /// <summary>True when the facts could be built.</summary>
    public bool IsComplete => Facts is not null;
}
