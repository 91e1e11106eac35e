using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Prefetch;

/// <summary>
/// The medication orders of one hook call, by reference (<c>MedicationRequest/123</c>), kept so that an update
/// suggestion can carry the whole resource (CDS Hooks: an update carries the whole resource). Opaque to the host.
/// </summary>
public sealed class HookResources
{
    private readonly Dictionary<string, MedicationRequest> _orders = new(StringComparer.Ordinal);

    internal void Add(string reference, MedicationRequest request) => _orders.TryAdd(reference, request);

    internal MedicationRequest? Order(string reference) => _orders.GetValueOrDefault(reference);
}
