using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdsBone.Api.Tests.Prefetch;

/// <summary>
/// Prefetch fallback against a WireMock.Net FHIR server: what the EHR did not send is fetched with the service's own
/// templates and the client's token, safely. Assertions look at what the FHIR server received, not only at our answer.
/// </summary>
public sealed class PrefetchFallbackTests
{
    private const string OrderSign = "/cds-services/anastrozole-order-sign";

    public static TheoryData<string> VisiblePatients()
    {
        var data = new TheoryData<string>();
        foreach (var id in TestFiles.PatientIds(TestFiles.VisibleFixtures))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VisiblePatients))]
    public async Task Post_WithoutPrefetch_GivesTheSameCardsAsWithIt(string patientId)
    {
        using var fhir = FhirServerMock.Start().Serve(TestFiles.Request(TestFiles.VisibleFixtures, patientId));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var withPrefetch = await client.PostJsonAsync(OrderSign, TestFiles.Request(TestFiles.VisibleFixtures, patientId));
        using var fetched = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(TestFiles.Request(TestFiles.VisibleFixtures, patientId)));

        Assert.Equal(Shape(await withPrefetch.CardsAsync()), Shape(await fetched.CardsAsync()));
        var received = fhir.Server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(4, received.Count);
        Assert.All(received, r => Assert.Equal($"Bearer {FhirServerMock.Token}", r.Headers!["Authorization"].Single()));
        Assert.Contains(received, r => r.Path == $"/fhir/Patient/{patientId}");
        var observations = Assert.Single(received, r => r.Path == "/fhir/Observation");
        Assert.Equal("-date", string.Join(",", observations.Query!["_sort"]));
        Assert.Contains("http://loinc.org|2243-4", string.Join(",", observations.Query!["code"]), StringComparison.Ordinal);
        Assert.Equal(patientId, string.Join(",", observations.Query!["patient"]));
    }

    [Fact]
    public async Task Post_PagedObservations_FollowsNextLinksOnTheSameServer()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V4-falling-e2-trend");
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        var bundle = request["prefetch"]!["observations"]!.AsObject();
        var entries = bundle["entry"]!.AsArray().Select(e => e!.DeepClone()).ToList();
        var page1 = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["entry"] = new JsonArray(entries.Take(2).ToArray()),
            ["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = $"{fhir.BaseUrl}/Observation?page=2&_getpages=abc" })
        };
        var page2 = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["entry"] = new JsonArray(entries.Skip(2).ToArray()) };
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").WithParam("patient", "V4-falling-e2-trend").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(page1.ToJsonString()));
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(page2.ToJsonString()));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Contains(Shape(await response.CardsAsync()), s => s.StartsWith("reduce-dose", StringComparison.Ordinal));
        Assert.Equal(2, fhir.Requests("/fhir/Observation").Count);
    }

    [Fact]
    public async Task Post_PagedPrefetchFromTheClient_IsCompletedFromItsNextLink()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V4-falling-e2-trend");
        using var fhir = FhirServerMock.Start();
        var bundle = request["prefetch"]!["observations"]!.AsObject();
        var entries = bundle["entry"]!.AsArray().Select(e => e!.DeepClone()).ToList();
        bundle["entry"] = new JsonArray(entries.Take(1).ToArray());
        bundle["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = $"{fhir.BaseUrl}/Observation?page=2" });
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json")
                .WithBody(new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["entry"] = new JsonArray(entries.Skip(1).ToArray()) }.ToJsonString()));
        fhir.WithServerAndToken(request);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        Assert.Contains(Shape(await response.CardsAsync()), s => s.StartsWith("reduce-dose", StringComparison.Ordinal));
        Assert.Single(fhir.Requests("/fhir/Observation"));
    }

    [Fact]
    public async Task Post_ServerAnswers503ThenOk_IsRetried()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(request["prefetch"]!["observations"]!.ToJsonString()));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Contains(Shape(await response.CardsAsync()), s => s.StartsWith("stop", StringComparison.Ordinal));
        Assert.Equal(2, fhir.Requests("/fhir/Observation").Count);
    }

    [Fact]
    public async Task Post_ServerAnswers429WithRetryAfter_WaitsAndRetries()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet()).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet()).InScenario("busy").WhenStateIs("free")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(request["prefetch"]!["observations"]!.ToJsonString()));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.NotEmpty(await response.CardsAsync());
        var calls = fhir.Requests("/fhir/Observation");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].RequestMessage.DateTime - calls[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(900), "Retry-After was not honoured");
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(400)]
    public async Task Post_ServerRefuses_IsNotRetriedAndIs412(int status)
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet()).RespondWith(Response.Create().WithStatusCode(status));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var diagnostics = (await response.ReadJsonAsync())["issue"]![0]!["diagnostics"]!.GetValue<string>();
        Assert.Contains($"answered {status}", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain(FhirServerMock.Token, diagnostics, StringComparison.Ordinal);
        Assert.Single(fhir.Requests("/fhir/Observation"));
    }

    [Fact]
    public async Task Post_ServerReturnsMalformedJson_Is412NotA500()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "medications");
        fhir.Server.Given(Request.Create().WithPath("/fhir/MedicationRequest").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody("{\"resourceType\": \"Bundle\", \"entry\": [ {"));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("malformed JSON", (await response.ReadJsonAsync())["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OptionalConditionsFail_CardsSaySoInsteadOf412()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "conditions");
        fhir.Server.Given(Request.Create().WithPath("/fhir/Condition").UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        var cards = await response.CardsAsync();
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Contains("Conditions could not be retrieved", c!["detail"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_OperationOutcomePrefetch_IsFetchedInstead()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request);
        request["prefetch"]!["observations"] = JsonNode.Parse("""{"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout"}]}""");
        fhir.WithServerAndToken(request);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        Assert.Contains(Shape(await response.CardsAsync()), s => s.StartsWith("stop", StringComparison.Ordinal));
        Assert.Single(fhir.Requests("/fhir/Observation"));
        Assert.Empty(fhir.Requests("/fhir/Patient"));
    }

    [Fact]
    public async Task Post_NullPrefetch_IsNeverQueried()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request);
        request["prefetch"]!["conditions"] = null;
        request["prefetch"]!.AsObject().Remove("observations");
        fhir.WithServerAndToken(request);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        Assert.NotEmpty(await response.CardsAsync());
        Assert.Empty(fhir.Requests("/fhir/Condition"));
        Assert.Single(fhir.Requests("/fhir/Observation"));
    }

    [Fact]
    public async Task Post_ServerSlowerThanTheDeadline_Is412WithinTheDeadline()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet())
            .RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(10)).WithBody("{}"));
        await using var app = new CdsBoneApplication(fhir.Settings(new() { ["CdsBone:Hook:Deadline"] = "00:00:00.800", ["CdsBone:Fhir:Timeout"] = "00:00:05" }));
        using var client = app.CreateClient();
        await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        var watch = Stopwatch.StartNew();
        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));
        watch.Stop();

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("deadline", (await response.ReadJsonAsync())["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {watch.Elapsed}, the deadline is 0.8 s");
    }

    [Fact]
    public async Task Post_FhirServerNotAllowed_SendsNoRequestAtAll()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var rogue = FhirServerMock.Start().Serve(request);
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Fhir:AllowedServers:0"] = "https://ehr.example.org/fhir" });
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, rogue.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("allow-list", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(rogue.Server.LogEntries);
    }

    [Fact]
    public async Task Post_LoopbackHttpOutsideDevelopment_IsRefused()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request);
        await using var app = new CdsBoneApplication(fhir.Settings(new() { ["CdsBone:Auth:Required"] = "false" }), "Production");
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("https", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(fhir.Server.LogEntries);
    }

    [Fact]
    public async Task Post_NextLinkToAnotherHost_IsNotFollowedAndGetsNoToken()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        using var other = FhirServerMock.Start();
        var page1 = request["prefetch"]!["observations"]!.DeepClone().AsObject();
        page1["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = $"{other.BaseUrl}/Observation?page=2" });
        fhir.Respond("/fhir/Observation", page1);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(other.Server.LogEntries);
    }

    [Fact]
    public async Task Post_ExpiredToken_IsNotUsed()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request, expiresIn: 0));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("expired", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(fhir.Server.LogEntries);
    }

    [Fact]
    public async Task Post_NoTokenAndAnonymousNotAllowed_IsMissing()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request);
        var anonymous = fhir.WithoutPrefetch(request);
        anonymous.Remove("fhirAuthorization");
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var refused = await client.PostJsonAsync(OrderSign, anonymous.DeepClone());
        await using var open = new CdsBoneApplication(fhir.Settings(new() { ["CdsBone:Fhir:AllowAnonymous"] = "true" }));
        using var openClient = open.CreateClient();
        using var allowed = await openClient.PostJsonAsync(OrderSign, anonymous);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.NotEmpty(await allowed.CardsAsync());
        Assert.All(fhir.Server.LogEntries, e => Assert.False(e.RequestMessage.Headers!.ContainsKey("Authorization")));
    }

    internal static List<string> Shape(JsonArray cards) =>
        cards.Select(c => $"{c!["source"]!["topic"]!["code"]}|{c["indicator"]}|{c["summary"]}|{c["extension"]!["org.cdsbone"]!["ruleIds"]!.ToJsonString()}").ToList();
}
