using System.Text.Json;
using CdsBone.Rules.Codes;

namespace CdsBone.Fhir.Mapping;

/// <summary>
/// Codes and texts of a CodeableConcept read straight from JSON. Loops rather than LINQ: every Observation, Condition
/// and MedicationRequest of every hook goes through here.
/// </summary>
internal static class JsonConcepts
{
    /// <summary>The codings that have both a system and a code, in order.</summary>
    public static List<ClinicalCode> Codes(JsonElement? concept)
    {
        var codes = new List<ClinicalCode>();
        if (concept is not { } c)
        {
            return codes;
        }

        foreach (var coding in Json.Objects(c, "coding"u8))
        {
            var system = Json.String(coding, "system"u8);
            var code = Json.String(coding, "code"u8);
            if (!string.IsNullOrEmpty(system) && !string.IsNullOrEmpty(code))
            {
                codes.Add(new ClinicalCode(system, code.Trim()));
            }
        }

        return codes;
    }

    /// <summary>The concept's text, then each coding's display (null where absent), in order.</summary>
    public static List<string?> Texts(JsonElement? concept)
    {
        var texts = new List<string?>();
        if (concept is not { } c)
        {
            return texts;
        }

        texts.Add(Json.String(c, "text"u8));
        foreach (var coding in Json.Objects(c, "coding"u8))
        {
            texts.Add(Json.String(coding, "display"u8));
        }

        return texts;
    }

    public static string Describe(JsonElement? concept) => Describe(Texts(concept), Codes(concept));

    /// <summary>The first non-empty text, else the first code, else "(no text)".</summary>
    public static string Describe(List<string?> texts, List<ClinicalCode> codes)
    {
        foreach (var text in texts)
        {
            if (!string.IsNullOrEmpty(text))
            {
                return text;
            }
        }

        foreach (var code in codes)
        {
            if (!string.IsNullOrEmpty(code.Code))
            {
                return code.Code;
            }
        }

        return "(no text)";
    }

    /// <summary>True when any coding of <paramref name="concept"/> has <paramref name="code"/> (any system, case-insensitive).</summary>
    public static bool HasCode(JsonElement? concept, string code)
    {
        if (concept is not { } c)
        {
            return false;
        }

        foreach (var coding in Json.Objects(c, "coding"u8))
        {
            if (string.Equals(Json.String(coding, "code"u8), code, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
