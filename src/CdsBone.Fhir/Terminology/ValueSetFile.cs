using System.Text.Json;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Terminology;

namespace CdsBone.Fhir.Terminology;

/// <summary>One concept-class ValueSet as the service uses it: its canonical, class, members and exclusions.</summary>
/// <param name="Source">The file or resource it was read from (named in load errors).</param>
/// <param name="Reference">url|version.</param>
/// <param name="Title">Its title, for logs.</param>
/// <param name="Class">The concept class it defines.</param>
/// <param name="Members">expansion.contains: each code with its display.</param>
/// <param name="Excluded">compose.exclude concepts: never members of the class.</param>
public sealed record ValueSetFile(
    string Source, ValueSetReference Reference, string? Title, ConceptClass Class,
    IReadOnlyList<(ClinicalCode Code, string? Display)> Members, IReadOnlyList<ClinicalCode> Excluded)
{
    /// <summary>The extension naming the concept class a value set defines (valueCode, e.g. <c>breast-cancer</c>).</summary>
    public const string ConceptClassExtension = "https://cdsbone.example.org/fhir/StructureDefinition/concept-class";

    /// <summary>Reads a FHIR R4 ValueSet; throws <see cref="InvalidDataException"/> naming <paramref name="source"/> when it cannot be used.</summary>
    public static ValueSetFile Read(string source, Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return Read(source, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Value set {source} is not valid JSON: {e.Message}", e);
        }
    }

    private static ValueSetFile Read(string source, JsonElement root)
    {
        if (Text(root, "resourceType") != "ValueSet")
        {
            throw Invalid(source, "resourceType is not ValueSet");
        }

        var url = Text(root, "url") ?? throw Invalid(source, "it has no url");
        var version = Text(root, "version") ?? throw Invalid(source, "it has no version");
        var classCode = Elements(root, "extension")
            .Where(e => Text(e, "url") == ConceptClassExtension)
            .Select(e => Text(e, "valueCode"))
            .FirstOrDefault();
        var conceptClass = ConceptClassNames.FromCode(classCode)
            ?? throw Invalid(source, $"extension {ConceptClassExtension} must name a concept class ({string.Join(", ", Enum.GetValues<ConceptClass>().Select(c => c.ToCode()))}); found '{classCode}'");

        var members = new List<(ClinicalCode, string?)>();
        if (!root.TryGetProperty("expansion", out var expansion) || expansion.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, "it has no expansion (the service loads expansion.contains)");
        }

        AddContains(source, expansion, members);
        if (members.Count == 0)
        {
            throw Invalid(source, "expansion.contains lists no code");
        }

        var excluded = new List<ClinicalCode>();
        if (root.TryGetProperty("compose", out var compose) && compose.ValueKind == JsonValueKind.Object)
        {
            foreach (var exclude in Elements(compose, "exclude"))
            {
                var system = Text(exclude, "system") ?? throw Invalid(source, "a compose.exclude has no system");
                excluded.AddRange(Elements(exclude, "concept").Select(c => new ClinicalCode(system,
                    Text(c, "code") ?? throw Invalid(source, "a compose.exclude concept has no code"))));
            }
        }

        return new ValueSetFile(source, new ValueSetReference(url, version), Text(root, "title"), conceptClass, members, excluded);
    }

    // expansion.contains may nest (a contains entry with its own contains); abstract entries carry no code.
    private static void AddContains(string source, JsonElement parent, List<(ClinicalCode, string?)> members)
    {
        foreach (var entry in Elements(parent, "contains"))
        {
            var system = Text(entry, "system");
            var code = Text(entry, "code");
            if (system is not null && code is not null)
            {
                members.Add((new ClinicalCode(system, code.Trim()), Text(entry, "display")));
            }
            else if (!entry.TryGetProperty("contains", out _))
            {
                throw Invalid(source, "an expansion.contains entry has no system or code");
            }

            AddContains(source, entry, members);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IEnumerable<JsonElement> Elements(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static InvalidDataException Invalid(string source, string why) => new($"Value set {source} cannot be loaded: {why}.");
}
