using System.Text.Json;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Services;

/// <summary>
/// One full response per service, compared with a committed golden file (Verify is not on our mirror). Card and
/// suggestion uuids are scrubbed. Policy: when a change to the cards is intended, run the tests with
/// <c>CDSBONE_UPDATE_GOLDEN=1</c>, read the diff of <c>tests/CdsBone.Api.Tests/Golden/</c>, and commit it with the change.
/// </summary>
public sealed class GoldenResponseTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "anastrozole-order-sign", "V1-trt-high-e2-gynecomastia", "sign" },
        { "anastrozole-order-select", "V4-falling-e2-trend", "select" },
        { "anastrozole-patient-view", "V3-immunoassay-low-normal-osteopenia", "view" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_Service_MatchesItsGoldenResponse(string service, string patientId, string how)
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, patientId);
        request = how switch
        {
            "select" => TestFiles.AsOrderSelect(request),
            "view" => TestFiles.AsPatientView(request),
            _ => request,
        };
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync($"/cds-services/{service}", request);

        var actual = Scrub(await response.ReadJsonAsync()).ToJsonString(Indented) + "\n";
        var golden = Path.Combine(TestFiles.RepositoryRoot, "tests", "CdsBone.Api.Tests", "Golden", $"{service}.expected.json");
        if (Environment.GetEnvironmentVariable("CDSBONE_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(golden, actual);
        }

        Assert.True(File.Exists(golden), $"missing {golden}: run with CDSBONE_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(await File.ReadAllTextAsync(golden), actual);
    }

    private static JsonObject Scrub(JsonObject response)
    {
        foreach (var card in response["cards"]!.AsArray().OfType<JsonObject>())
        {
            card["uuid"] = "<uuid>";
            foreach (var suggestion in (card["suggestions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                suggestion["uuid"] = "<uuid>";
            }
        }

        return response;
    }
}
