using System.Text.Json.Nodes;
using CdsBone.Cli.Ehr;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CdsBone.Cli.Tests.Ehr;

public sealed class PrefetchFillerTests : IDisposable
{
    private readonly WireMockServer fhir = WireMockServer.Start();
    private readonly HttpClient http = new();

    private static readonly JsonObject Context = new() { ["userId"] = "Practitioner/dr-1", ["patientId"] = "p 1" };

    [Fact]
    public void Templates_are_filled_from_the_context_with_escaping()
    {
        var queries = PrefetchFiller.Render(
            new Dictionary<string, string>
            {
                ["patient"] = "Patient/{{context.patientId}}",
                ["user"] = "Practitioner/{{userPractitionerId}}",
                ["obs"] = "Observation?patient={{context.patientId}}&code=http://loinc.org|2243-4",
            },
            Context);

        Assert.Equal("Patient/p%201", queries["patient"]);
        Assert.Equal("Practitioner/dr-1", queries["user"]);
        Assert.Equal("Observation?patient=p%201&code=http://loinc.org|2243-4", queries["obs"]);
    }

    [Theory]
    [InlineData("Encounter/{{context.encounterId}}")]
    [InlineData("Patient/{{userPatientId}}")]
    [InlineData("Observation?date=gt{{today()}}")]
    public void Templates_the_context_cannot_fill_are_left_out(string template) =>
        Assert.Null(PrefetchFiller.Render(new Dictionary<string, string> { ["k"] = template }, Context)["k"]);

    [Fact]
    public void The_repository_discovery_templates_all_fill_for_a_patient()
    {
        var discovery = Discovery.Parse(System.Text.Json.JsonDocument.Parse(File.ReadAllText(Support.RepoFiles.Path("cds-services.json"))).RootElement);

        foreach (var service in discovery)
        {
            var queries = PrefetchFiller.Render(service.Prefetch, Context);
            Assert.NotEmpty(queries);
            Assert.All(queries.Values, q => Assert.Contains("p%201", q, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_read_fills_the_resource_and_a_missing_one_is_null()
    {
        fhir.Given(Request.Create().WithPath("/fhir/Patient/p1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"resourceType":"Patient","id":"p1"}"""));
        fhir.Given(Request.Create().WithPath("/fhir/Patient/gone").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}"""));
        var server = new FhirServer(http, $"{fhir.Url}/fhir/", null);

        var (found, problem) = await server.PrefetchAsync("Patient/p1", CancellationToken.None);
        var (missing, noProblem) = await server.PrefetchAsync("Patient/gone", CancellationToken.None);

        Assert.Equal("p1", found!["id"]!.GetValue<string>());
        Assert.Null(problem);
        Assert.Null(missing);
        Assert.Null(noProblem);
    }

    [Fact]
    public async Task A_paged_search_is_followed_to_the_end_and_merged()
    {
        var page2 = $"{fhir.Url}/fhir/Observation?patient=p1&_offset=1";
        fhir.Given(Request.Create().WithPath("/fhir/Observation").WithParam("patient", "p1").WithParam("_offset", "1").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithBody("""{"resourceType":"Bundle","type":"searchset","total":2,"entry":[{"resource":{"resourceType":"Observation","id":"o2"}}]}"""));
        fhir.Given(Request.Create().WithPath("/fhir/Observation").WithParam("patient", "p1").UsingGet())
            .AtPriority(2)
            .RespondWith(Response.Create().WithBody($$$"""{"resourceType":"Bundle","type":"searchset","total":2,"link":[{"relation":"next","url":"{{{page2}}}"}],"entry":[{"resource":{"resourceType":"Observation","id":"o1"}}]}"""));
        var server = new FhirServer(http, $"{fhir.Url}/fhir", "secret-token");

        var (bundle, problem) = await server.PrefetchAsync("Observation?patient=p1", CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(["o1", "o2"], bundle!["entry"]!.AsArray().Select(e => e!["resource"]!["id"]!.GetValue<string>()));
        Assert.Null(bundle["link"]);
        Assert.All(fhir.LogEntries, e => Assert.Equal("Bearer secret-token", e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_failed_search_becomes_an_OperationOutcome_and_a_problem()
    {
        fhir.Given(Request.Create().WithPath("/fhir/Condition").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("boom"));
        var server = new FhirServer(http, $"{fhir.Url}/fhir", null);
        var templates = new Dictionary<string, string> { ["conditions"] = "Condition?patient={{context.patientId}}", ["enc"] = "Encounter/{{context.encounterId}}" };

        var (prefetch, problems) = await PrefetchFiller.FillAsync(templates, Context, server, CancellationToken.None);

        Assert.Equal("OperationOutcome", prefetch["conditions"]!["resourceType"]!.GetValue<string>());
        Assert.False(prefetch.ContainsKey("enc"));
        Assert.Equal(["conditions", "enc"], problems.Select(p => p.Key).Order());
    }

    public void Dispose()
    {
        fhir.Stop();
        fhir.Dispose();
        http.Dispose();
    }
}
