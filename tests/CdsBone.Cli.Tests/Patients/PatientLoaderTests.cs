using System.Text.Json.Nodes;
using CdsBone.Cli.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CdsBone.Cli.Tests.Patients;

public sealed class PatientLoaderTests : IDisposable
{
    private readonly WireMockServer fhir = WireMockServer.Start();

    [Fact]
    public async Task Patients_are_posted_as_transactions_with_dates_moved_to_today()
    {
        fhir.Given(Request.Create().WithPath("/fhir").UsingPost())
            .RespondWith(Response.Create().WithBody("""{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"200 OK"}}]}"""));
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("patients", "load", "--fhir", $"{fhir.Url}/fhir", "--dir", RepoFiles.Path("samples", "patients"), "--json");

        Assert.Equal(0, exit);
        var report = JsonNode.Parse(cli.Output.ToString())!;
        var days = ToolRunner.Now.UtcDateTime.Date.Subtract(new DateTime(2025, 6, 1)).Days;
        Assert.Equal(days, report["daysShifted"]!.GetValue<int>());
        Assert.Equal(6, fhir.LogEntries.Count);
        var v1 = fhir.LogEntries
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)
            .Single(b => b["entry"]!.AsArray().Any(x => x!["resource"]!["id"]!.GetValue<string>() == "V1-trt-high-e2-gynecomastia"));
        var patient = v1["entry"]!.AsArray().Select(x => x!["resource"]!).Single(r => r["resourceType"]!.GetValue<string>() == "Patient");
        Assert.Equal(DateOnly.Parse("1980-05-02", System.Globalization.CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), patient["birthDate"]!.GetValue<string>());
        Assert.All(fhir.LogEntries, e => Assert.StartsWith("application/fhir+json", e.RequestMessage.Headers!["Content-Type"].Single(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_refuses_a_patient_fails_the_load()
    {
        fhir.Given(Request.Create().WithPath("/fhir").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"bad bundle"}]}"""));
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("patients", "load", "--fhir", $"{fhir.Url}/fhir", "--dir", RepoFiles.Path("samples", "patients"), "--keep-dates");

        Assert.Equal(1, exit);
        Assert.Equal("error: 6 of 6 patients failed to load", cli.Error.ToString().Trim());
        Assert.Contains("bad bundle", cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_entry_that_failed_is_reported()
    {
        fhir.Given(Request.Create().WithPath("/fhir").UsingPost())
            .RespondWith(Response.Create().WithBody("""{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"200"}},{"response":{"status":"422"}}]}"""));
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("patients", "load", "--fhir", $"{fhir.Url}/fhir", "--dir", RepoFiles.Path("samples", "patients"), "--json");

        Assert.Equal(1, exit);
        Assert.All(JsonNode.Parse(cli.Output.ToString())!["patients"]!.AsArray(), p => Assert.Equal("1 entries failed", p!["problem"]!.GetValue<string>()));
    }

    public void Dispose()
    {
        fhir.Stop();
        fhir.Dispose();
    }
}
