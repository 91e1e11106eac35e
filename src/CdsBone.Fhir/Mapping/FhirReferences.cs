using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>Relative references (<c>Observation/123</c>) that are safe to build from any partial resource.</summary>
internal static class FhirReferences
{
    public const string NoId = "(no id)";

    public static string Of(Resource resource) => $"{resource.TypeName}/{IdOf(resource) ?? NoId}";

    public static string? IdOf(Resource resource) => SafeRead.Text(() => resource.Id);
}
