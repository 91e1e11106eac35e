using System.Buffers;
using System.Text.Json;

namespace CdsBone.Fhir.Client;

/// <summary>
/// Joins the pages of a searchset into one Bundle: the first page's elements (each once), its entries followed by
/// every later page's, and no <c>link</c> (the pages are all here). Written with a Utf8JsonWriter from the parsed
/// pages: no JSON node trees, no copies per entry.
/// </summary>
internal static class BundlePages
{
    public static JsonElement Merge(IReadOnlyList<JsonElement> pages)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var property in pages[0].EnumerateObject())
            {
                if (!property.NameEquals("entry"u8) && !property.NameEquals("link"u8))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteStartArray("entry"u8);
            foreach (var page in pages)
            {
                if (page.TryGetProperty("entry"u8, out var entries) && entries.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in entries.EnumerateArray())
                    {
                        entry.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Not pooled: the element outlives this call (until the hook is answered).
        return JsonSerializer.Deserialize<JsonElement>(output.WrittenSpan);
    }

    /// <summary>The number of entries of a page (0 when it has none or they are not an array).</summary>
    public static int EntryCount(JsonElement page) =>
        page.ValueKind == JsonValueKind.Object && page.TryGetProperty("entry"u8, out var entries) && entries.ValueKind == JsonValueKind.Array ? entries.GetArrayLength() : 0;
}
