using System.Text.Json;
using CdsBone.Fhir.Serialization;
using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Prefetch;

/// <summary>
/// The medication orders of one hook call, by reference (<c>MedicationRequest/123</c>), kept so that an update
/// suggestion can carry the whole resource (CDS Hooks: an update carries the whole resource). Opaque to the host.
/// The orders stay JSON until a suggestion needs one: only then is it read into a Firely resource to be changed.
/// </summary>
/// <param name="reader">Reads an order when a suggestion updates it.</param>
public sealed class HookResources(FhirResourceReader reader)
{
    private readonly Dictionary<string, JsonElement> _orders = new(StringComparer.Ordinal);

    internal void Add(string reference, JsonElement request) => _orders.TryAdd(reference, request);

    internal MedicationRequest? Order(string reference) =>
        _orders.TryGetValue(reference, out var json) ? reader.Read(json, reference).Resource as MedicationRequest : null;
}
