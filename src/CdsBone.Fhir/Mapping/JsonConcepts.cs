using System.Text.Json;
using CdsBone.Rules.Codes;

namespace CdsBone.Fhir.Mapping;

/// <summary>Codes and texts of a CodeableConcept read straight from JSON.</summary>
internal static class JsonConcepts
{
    public static IEnumerable<ClinicalCode> Codes(JsonElement? concept) =>
        concept is not { } c ? []
        : Json.Objects(c, "coding"u8)
            .Select(coding => (System: Json.String(coding, "system"u8), Code: Json.String(coding, "code"u8)))
            .Where(x => !string.IsNullOrEmpty(x.System) && !string.IsNullOrEmpty(x.Code))
            .Select(x => new ClinicalCode(x.System!, x.Code!.Trim()));

    public static IEnumerable<string?> Texts(JsonElement? concept) =>
        concept is not { } c ? [] : [Json.String(c, "text"u8), .. Json.Objects(c, "coding"u8).Select(coding => Json.String(coding, "display"u8))];

    public static string Describe(JsonElement? concept) => Describe(Texts(concept), Codes(concept));

    public static string Describe(IEnumerable<string?> texts, IEnumerable<ClinicalCode> codes) =>
        texts.Concat(codes.Select(c => c.Code)).FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? "(no text)";

    /// <summary>True when any coding of <paramref name="concept"/> has <paramref name="code"/> (any system, case-insensitive).</summary>
    public static bool HasCode(JsonElement? concept, string code) =>
        concept is { } c && Json.Objects(c, "coding"u8).Any(coding => string.Equals(Json.String(coding, "code"u8), code, StringComparison.OrdinalIgnoreCase));
}
