using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CdsBone.Fhir.Serialization;

/// <summary>The one FHIR R4 JSON serialization of the service (standard FHIR JSON, STYLE.md: <c>FhirJson.cs</c>).</summary>
public static class FhirJson
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>The resource as a JSON element, ready to embed in a CDS Hooks response.</summary>
    public static JsonElement ToElement(Resource resource) => JsonSerializer.SerializeToElement(resource, resource.GetType(), Options);

    /// <summary>The resource as UTF-8 JSON.</summary>
    public static byte[] ToUtf8Bytes(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), Options);
}
