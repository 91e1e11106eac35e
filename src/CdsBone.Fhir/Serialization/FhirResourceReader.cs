using System.Runtime.InteropServices;
using System.Text.Json;
using CdsBone.Rules.Facts;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CdsBone.Fhir.Serialization;

/// <summary>A resource read from JSON, with every problem Firely found (the resource is Firely's partial result).</summary>
/// <param name="Resource">The resource, or null when nothing could be read.</param>
/// <param name="Issues">Every problem, as input issues.</param>
public sealed record ResourceReadResult(Resource? Resource, IReadOnlyList<InputIssue> Issues);

/// <summary>
/// Reads FHIR R4 JSON with Firely's <see cref="FhirJsonDeserializer"/>, collecting the structural issues with the partial
/// result rather than failing on the first. Used where a resource must be echoed back changed (the draft order of an
/// update suggestion); the clinical facts are read from JSON (ADR 0005). Firely's per-element POCO validator is off: it
/// tripled the cost of a read (docs/performance.md). A primitive Firely could not parse throws when read: the update
/// suggestion is then left out (<c>FhirActionFactory</c>).
/// </summary>
public sealed class FhirResourceReader
{
    private readonly FhirJsonDeserializer _deserializer = new(new DeserializerSettings { Validator = null });

    /// <summary>Reads one resource from <paramref name="json"/>; <paramref name="location"/> names it in issues.</summary>
    public ResourceReadResult Read(JsonElement json, string location)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return new ResourceReadResult(null, [new InputIssue(location, $"expected a FHIR resource (a JSON object), found {json.ValueKind}")]);
        }

        // The element's own UTF-8 text, without re-serializing it (the request body is parsed once).
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(json));
        try
        {
            _deserializer.TryDeserializeResource(ref reader, out var resource, out var problems);
            var issues = problems?.Select(p => new InputIssue(location, $"{p.ErrorCode}: {p.Message}")).ToList() ?? [];
            return new ResourceReadResult(resource, issues);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or ArgumentException)
        {
            return new ResourceReadResult(null, [new InputIssue(location, $"not a readable FHIR resource: {ex.Message}")]);
        }
    }
}
