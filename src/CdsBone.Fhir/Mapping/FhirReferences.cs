using System.Text.Json;

namespace CdsBone.Fhir.Mapping;

/// <summary>Relative references (<c>Observation/123</c>) that are safe to build from any resource JSON.</summary>
internal static class FhirReferences
{
    public const string NoId = "(no id)";

    public static string Of(string type, JsonElement resource) => $"{type}/{IdOf(resource) ?? NoId}";

    public static string? IdOf(JsonElement resource) => Json.String(resource, "id"u8);
}
