using System.Net;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using CdsBone.Rules.Recognition;

namespace CdsBone.Api.Tests.Discovery;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Get_Discovery_ServesCdsServicesJsonVerbatim()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync();
        var file = await File.ReadAllBytesAsync(Path.Combine(TestFiles.RepositoryRoot, "cds-services.json"));
        Assert.True(file.AsSpan().SequenceEqual(served), "GET /cds-services differs from cds-services.json at the repository root");
    }

    [Fact]
    public void CdsServicesJson_ListsTheThreeServicesWithTheirHooks()
    {
        var services = Document()["services"]!.AsArray().Select(s => (Id: s!["id"]!.GetValue<string>(), Hook: s["hook"]!.GetValue<string>())).ToList();

        Assert.Equal(
            [("anastrozole-order-sign", "order-sign"), ("anastrozole-order-select", "order-select"), ("anastrozole-patient-view", "patient-view")],
            services);
        Assert.All(Document()["services"]!.AsArray(), s => Assert.False(string.IsNullOrWhiteSpace(s!["description"]?.GetValue<string>())));
    }

    [Fact]
    public void CdsServicesJson_PrefetchTemplatesFollowClinicalRulesSection6()
    {
        foreach (var service in Document()["services"]!.AsArray())
        {
            var prefetch = service!["prefetch"]!.AsObject();
            Assert.Equal("Patient/{{context.patientId}}", prefetch["patient"]!.GetValue<string>());
            Assert.Equal("MedicationRequest?patient={{context.patientId}}&status=active,on-hold,stopped&_count=200", prefetch["medications"]!.GetValue<string>());
            Assert.Equal("Condition?patient={{context.patientId}}&_count=200", prefetch["conditions"]!.GetValue<string>());
            var observations = prefetch["observations"]!.GetValue<string>();
            Assert.StartsWith("Observation?patient={{context.patientId}}&code=", observations, StringComparison.Ordinal);
            Assert.EndsWith("&_sort=-date&_count=500", observations, StringComparison.Ordinal);
            foreach (var code in LabCatalog.AllCodes)
            {
                Assert.Contains($"http://loinc.org|{code.Code}", observations, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("today()", observations, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/cds-services", "GET")]
    [InlineData("/cds-services/anastrozole-order-sign", "POST")]
    [InlineData("/cds-services/anastrozole-order-sign/feedback", "POST")]
    public async Task Options_Preflight_AllowsAuthorizationAndContentType(string path, string method)
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Cors:AllowedOrigins:0"] = "https://sandbox.cds-hooks.org", ["CdsBone:Auth:Required"] = "false" }, "Production");
        using var client = app.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "https://sandbox.cds-hooks.org");
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await client.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("https://sandbox.cds-hooks.org", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToUpperInvariant();
        Assert.Contains("AUTHORIZATION", allowed, StringComparison.Ordinal);
        Assert.Contains("CONTENT-TYPE", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_OriginNotAllowedOutsideDevelopment_GetsNoCorsHeaders()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Cors:AllowedOrigins:0"] = "https://ehr.example.org", ["CdsBone:Auth:Required"] = "false" }, "Production");
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Add("Origin", "https://evil.example.net");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_AnyOriginInDevelopment_IsAllowed()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Add("Origin", "http://localhost:3000");

        using var response = await client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Get_UnknownPath_IsNotFoundWithOperationOutcome()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.ReadJsonAsync())["resourceType"]!.GetValue<string>());
    }

    private static JsonObject Document() => JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "cds-services.json")))!.AsObject();
}
