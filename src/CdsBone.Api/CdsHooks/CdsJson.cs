using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CdsBone.Api.CdsHooks;

/// <summary>
/// JSON for CDS Hooks: camelCase, nulls omitted (checklist 1.A.2: no null or empty value is emitted; empty lists are
/// left null by the builders), unknown properties ignored on read, depth bounded.
/// </summary>
public static class CdsJson
{
    /// <summary>Maximum JSON nesting accepted (FHIR resources in prefetch are deep, but not this deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Parses a request body strictly (<see cref="Fhir.Serialization.StrictJson"/>): invalid Unicode in any string and
    /// repeated properties are refused here, once, so that no reader further on can fail on them.
    /// </summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> body) => Fhir.Serialization.StrictJson.Parse(body, MaxDepth);

    /// <summary>Where a JSON error was found, in words for a 400 (no content of the body).</summary>
    public static string Where(JsonException exception) =>
        exception?.LineNumber is { } line ? $"line {line + 1}, byte {exception.BytePositionInLine + 1}" : $"byte {exception?.BytePositionInLine + 1}";

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = MaxDepth,

            // The response types are source-generated (no reflection, a direct writer per type); anything else, e.g.
            // the feedback body, falls back to reflection.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(CdsJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Source-generated serialization of the hook response, with the same settings as <see cref="CdsJson.Options"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = CdsJson.MaxDepth)]
[JsonSerializable(typeof(CdsServiceResponse))]
internal sealed partial class CdsJsonContext : JsonSerializerContext;
