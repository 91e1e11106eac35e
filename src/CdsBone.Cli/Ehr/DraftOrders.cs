using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsBone.Cli.Ehr;

/// <summary>A draft anastrozole-style order given on the command line.</summary>
/// <param name="RxCui">The RxNorm code of the medication.</param>
/// <param name="DoseMg">The dose per administration, mg.</param>
/// <param name="PerWeek">Administrations per week.</param>
internal sealed record DraftMedication(string RxCui, decimal DoseMg, int PerWeek);

/// <summary>
/// Builds <c>context.draftOrders</c> (a Bundle of draft MedicationRequests) as an EHR does when an order is being
/// written: from options, or from a file holding a MedicationRequest or a Bundle. Each draft gets an id when it has
/// none, the patient as subject when it has none, and today as authoredOn: the order is being authored now, which also
/// keeps re-dated test patients consistent.
/// </summary>
internal static class DraftOrders
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private const string Ucum = "http://unitsofmeasure.org";

    public static JsonObject FromOptions(DraftMedication draft, string patientId, DateOnly today)
    {
        if (draft.DoseMg <= 0 || draft.PerWeek <= 0)
        {
            throw new CliException("--dose and --per-week must be positive", ExitCodes.Usage);
        }

        var dose = draft.DoseMg.ToString(CultureInfo.InvariantCulture);
        var timing = draft.PerWeek == 1 ? "once a week" : $"{draft.PerWeek} times a week";
        var request = new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = NewId(),
            ["status"] = "draft",
            ["intent"] = "order",
            ["medicationCodeableConcept"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = RxNorm, ["code"] = draft.RxCui }),
            },
            ["dosageInstruction"] = new JsonArray(new JsonObject
            {
                ["text"] = $"{dose} mg by mouth {timing}",
                ["timing"] = new JsonObject
                {
                    ["repeat"] = new JsonObject { ["frequency"] = draft.PerWeek, ["period"] = 1, ["periodUnit"] = "wk" },
                },
                ["doseAndRate"] = new JsonArray(new JsonObject
                {
                    ["doseQuantity"] = new JsonObject { ["value"] = draft.DoseMg, ["unit"] = "mg", ["system"] = Ucum, ["code"] = "mg" },
                }),
            }),
        };
        return Bundle([Complete(request, patientId, today)]);
    }

    public static JsonObject FromFile(string path, string patientId, DateOnly today)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the draft file {path}: {ex.Message}", ExitCodes.Usage);
        }
        catch (JsonException ex)
        {
            throw new CliException($"the draft file {path} is not JSON: {ex.Message}", ExitCodes.Usage);
        }

        return FromJson(node, path, patientId, today);
    }

    public static JsonObject FromJson(JsonNode? node, string source, string patientId, DateOnly today)
    {
        var type = node is JsonObject o ? o["resourceType"]?.GetValue<string>() : null;
        if (type == "MedicationRequest")
        {
            return Bundle([Complete((JsonObject)node!.DeepClone(), patientId, today)]);
        }

        if (type != "Bundle")
        {
            throw new CliException($"{source}: expected a MedicationRequest or a Bundle of draft orders, found {type ?? "no resourceType"}", ExitCodes.Usage);
        }

        var resources = (node!["entry"] as JsonArray ?? [])
            .Select(e => e?["resource"] as JsonObject)
            .Where(r => r is not null)
            .Select(r => Complete((JsonObject)r!.DeepClone(), patientId, today))
            .ToList();
        if (resources.Count == 0)
        {
            throw new CliException($"{source}: the Bundle holds no resources", ExitCodes.Usage);
        }

        return Bundle(resources);
    }

    /// <summary>The references <c>order-select</c> lists in <c>context.selections</c>: every draft order.</summary>
    public static JsonArray Selections(JsonObject draftOrders) =>
        [.. (draftOrders["entry"] as JsonArray ?? [])
            .Select(e => e?["resource"])
            .Where(r => r is not null)
            .Select(r => (JsonNode)$"{r!["resourceType"]}/{r["id"]}")];

    private static JsonObject Complete(JsonObject resource, string patientId, DateOnly today)
    {
        resource["id"] ??= NewId();
        if (resource["resourceType"]?.GetValue<string>() == "MedicationRequest")
        {
            resource["subject"] ??= new JsonObject { ["reference"] = $"Patient/{patientId}" };
            resource["authoredOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return resource;
    }

    private static JsonObject Bundle(IEnumerable<JsonObject> resources) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = "collection",
        ["entry"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r })]),
    };

    private static string NewId() => "draft-" + Guid.NewGuid().ToString("N")[..12];
}
