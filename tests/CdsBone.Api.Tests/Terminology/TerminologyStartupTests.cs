using System.Net;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Terminology;

/// <summary>CdsBone:Terminology:ValueSetPath: a deployment's own value sets, loaded at start; a bad one stops the start.</summary>
public sealed class TerminologyStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cdsbone-api-vs-{Guid.NewGuid():N}");

    public TerminologyStartupTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BadValueSet_StopsTheServiceAtStart_NamingTheFile()
    {
        File.WriteAllText(Path.Combine(_folder, "hospital-pregnancy.json"), """{"resourceType": "ValueSet", "url": "urn:x", "version": "1"}""");
        using var app = new CdsBoneApplication(new() { ["CdsBone:Terminology:ValueSetPath"] = _folder });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("hospital-pregnancy.json", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtraValueSet_ExtendsAClass_AndTheCardNamesIt()
    {
        // A local code for breast cancer that no shipped set lists: with the hospital's set the patient is in the oncology context.
        File.WriteAllText(Path.Combine(_folder, "local-breast-cancer.json"), """
            {"resourceType": "ValueSet", "url": "https://hospital.example/ValueSet/local-breast-cancer", "version": "7", "status": "active",
             "extension": [{"url": "https://cdsbone.example.org/fhir/StructureDefinition/concept-class", "valueCode": "breast-cancer"}],
             "expansion": {"timestamp": "2026-12-01T00:00:00Z", "contains": [{"system": "urn:oid:1.2.3.4", "code": "BC-17", "display": "local"}]}}
            """);
        using var app = new CdsBoneApplication(new() { ["CdsBone:Terminology:ValueSetPath"] = _folder });
        using var client = app.CreateClient();
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V1-trt-high-e2-gynecomastia");
        request["prefetch"]!["conditions"]!["entry"]![0]!["resource"]!["code"] = JsonNode.Parse("""{"coding": [{"system": "urn:oid:1.2.3.4", "code": "BC-17"}]}""");

        using var response = await client.PostAsync("/cds-services/anastrozole-order-sign", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("defer-to-oncology", body, StringComparison.Ordinal);
        Assert.Contains("https://hospital.example/ValueSet/local-breast-cancer|7", body, StringComparison.Ordinal);
    }
}
