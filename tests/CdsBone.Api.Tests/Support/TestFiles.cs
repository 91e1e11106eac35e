using System.Text.Json.Nodes;

namespace CdsBone.Api.Tests.Support;

/// <summary>Paths and request builders over the shared fixtures.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string VisibleFixtures => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "visible"));

    public static string OwnPatients => Path.Combine(RepositoryRoot, "tests", "CdsBone.Fhir.Tests", "TestData", "patients");

    public static IEnumerable<string> PatientIds(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")))!["patients"]!.AsObject().Select(p => p.Key).ToList();

    public static JsonObject Request(string folder, string patientId) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, $"{patientId}.json")))!.AsObject();

    public static JsonObject Expected(string folder, string patientId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")))!["patients"]![patientId]!.AsObject();

    /// <summary>A fixture as an order-select: the AI draft selected.</summary>
    public static JsonObject AsOrderSelect(JsonObject request)
    {
        var draft = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!;
        request["hook"] = "order-select";
        request["context"]!["selections"] = new JsonArray($"MedicationRequest/{draft["id"]}");
        return request;
    }

    /// <summary>A fixture as a patient-view: no draft orders.</summary>
    public static JsonObject AsPatientView(JsonObject request)
    {
        request["hook"] = "patient-view";
        request["context"]!.AsObject().Remove("draftOrders");
        return request;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CdsBone.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CdsBone.sln not found above the test binaries");
    }
}
