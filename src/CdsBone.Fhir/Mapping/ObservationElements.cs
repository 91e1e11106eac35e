using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// The top-level elements of an Observation that <see cref="ObservationMapper"/> reads, found in one pass over its
/// properties. A lookup by name scans an object's properties each time, and the mapper reads up to 14 elements of every
/// Observation, the bulk of every hook (docs/performance.md). As with <see cref="Json.Property"/>, a JSON null is absent.
/// </summary>
internal struct ObservationElements
{
    public JsonElement? Id { get; private set; }

    public JsonElement? Code { get; private set; }

    public JsonElement? Status { get; private set; }

    public JsonElement? Method { get; private set; }

    public JsonElement? Note { get; private set; }

    public JsonElement? Device { get; private set; }

    public JsonElement? BodySite { get; private set; }

    public JsonElement? Component { get; private set; }

    public JsonElement? ValueQuantity { get; private set; }

    public JsonElement? ValueCodeableConcept { get; private set; }

    public JsonElement? ReferenceRange { get; private set; }

    public JsonElement? EffectiveDateTime { get; private set; }

    public JsonElement? EffectiveInstant { get; private set; }

    public JsonElement? EffectivePeriod { get; private set; }

    /// <summary>Reads <paramref name="observation"/>'s elements; anything but a JSON object has none.</summary>
    public static ObservationElements Read(JsonElement observation)
    {
        var found = default(ObservationElements);
        if (observation.ValueKind != JsonValueKind.Object)
        {
            return found;
        }

        foreach (var property in observation.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var name = JsonMarshal.GetRawUtf8PropertyName(property);

            // A name written with escapes ("\u0063ode") means what it decodes to, as it does for a lookup by name.
            found.Assign(name.IndexOf((byte)'\\') < 0 ? name : Encoding.UTF8.GetBytes(property.Name), property.Value);
        }

        return found;
    }

    private void Assign(ReadOnlySpan<byte> name, JsonElement value)
    {
        // By length first: most names are then ruled out without comparing a byte.
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8):
                Id = value;
                break;
            case 4 when name.SequenceEqual("code"u8):
                Code = value;
                break;
            case 4 when name.SequenceEqual("note"u8):
                Note = value;
                break;
            case 6 when name.SequenceEqual("status"u8):
                Status = value;
                break;
            case 6 when name.SequenceEqual("method"u8):
                Method = value;
                break;
            case 6 when name.SequenceEqual("device"u8):
                Device = value;
                break;
            case 8 when name.SequenceEqual("bodySite"u8):
                BodySite = value;
                break;
            case 9 when name.SequenceEqual("component"u8):
                Component = value;
                break;
            case 13 when name.SequenceEqual("valueQuantity"u8):
                ValueQuantity = value;
                break;
            case 14 when name.SequenceEqual("referenceRange"u8):
                ReferenceRange = value;
                break;
            case 15 when name.SequenceEqual("effectivePeriod"u8):
                EffectivePeriod = value;
                break;
            case 16 when name.SequenceEqual("effectiveInstant"u8):
                EffectiveInstant = value;
                break;
            case 17 when name.SequenceEqual("effectiveDateTime"u8):
                EffectiveDateTime = value;
                break;
            case 20 when name.SequenceEqual("valueCodeableConcept"u8):
                ValueCodeableConcept = value;
                break;
            default:
                break;
        }
    }
}
