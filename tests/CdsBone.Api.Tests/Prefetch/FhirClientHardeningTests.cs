using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using CdsBone.Fhir.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdsBone.Api.Tests.Prefetch;

/// <summary>
/// Issue 12: a hostile client or FHIR server cannot switch the fallback off for others, make the service send an
/// expired token, reach other paths, or make it read without bound; malformed pages are failures, never a 500.
/// </summary>
public sealed class FhirClientHardeningTests
{
    private const string OrderSign = "/cds-services/anastrozole-order-sign";

    private static JsonObject Fixture() => TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");

    [Theory]
    [InlineData(429)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task OneClientsRefusals_DoNotOpenTheSharedBreaker(int status)
    {
        var request = Fixture();
        using var fhir = FhirServerMock.Start().Serve(request);

        // The server refuses one token only (its quota or rights); every other client is served.
        fhir.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer noisy-client")).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(status));
        await using var app = new CdsBoneApplication(fhir.Settings(new()
        {
            ["CdsBone:Fhir:Retry:MaxRetries"] = "0",
            ["CdsBone:Fhir:CircuitBreaker:MinimumThroughput"] = "2",
            ["CdsBone:Fhir:CircuitBreaker:FailureRatio"] = "0.1",
        }));
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var noisy = fhir.WithoutPrefetch(Fixture());
            noisy["fhirAuthorization"]!["access_token"] = "noisy-client";
            using var refused = await client.PostJsonAsync(OrderSign, noisy);
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        }

        using var other = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(Fixture()));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task ServerFailures_StillOpenTheBreaker()
    {
        using var fhir = FhirServerMock.Start();
        fhir.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        await using var app = new CdsBoneApplication(fhir.Settings(new()
        {
            ["CdsBone:Fhir:Retry:MaxRetries"] = "0",
            ["CdsBone:Fhir:CircuitBreaker:MinimumThroughput"] = "2",
        }));
        using var client = app.CreateClient();

        using var failing = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(Fixture()));
        using var open = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(Fixture()));

        Assert.Contains("circuit open", (await open.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenExpiringBeforeARetry_IsNotSentOnTheRetry()
    {
        using var fhir = FhirServerMock.Start();
        await using var app = new CdsBoneApplication(fhir.Settings(new() { ["CdsBone:Fhir:Retry:MaxRetries"] = "2" }));

        // The first attempt fails, and by the time of the retry the token's expires_in (60 s) has passed.
        fhir.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithCallback(_ =>
        {
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            return new WireMock.ResponseMessage { StatusCode = 503 };
        }));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(Fixture(), expiresIn: 60));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("expired", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);

        // One attempt per key reached the server with the token; no retry carried it after expiry.
        Assert.Equal(4, fhir.Server.LogEntries.Count);
    }

    [Theory]
    [InlineData("/fhir/..%2F..%2Fother")]
    [InlineData("/fhir/%2e%2e/other")]
    [InlineData("/fhir/..%5Cother")]
    public async Task EncodedTraversalInFhirServer_IsNeverContacted(string path)
    {
        using var fhir = FhirServerMock.Start();
        fhir.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();
        var request = fhir.WithoutPrefetch(Fixture());
        request["fhirServer"] = fhir.Server.Urls[0] + path;

        using var response = await client.PostJsonAsync(OrderSign, request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(fhir.Server.LogEntries);
    }

    public static TheoryData<string> BadNextLinks() =>
    [
        "https://", "http://[", "http://" + new string('h', 70_000) + "/fhir/Observation", "http://bad host/fhir/Observation",
        "{base}/..%2F..%2Fadmin/Observation", "{base}/%2E%2E/admin",
    ];

    [Theory]
    [MemberData(nameof(BadNextLinks))]
    public async Task MalformedNextLink_FromTheServer_IsAFailedFetchNotA500(string next)
    {
        var request = Fixture();
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        var page = request["prefetch"]!["observations"]!.DeepClone().AsObject();
        page["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = next.Replace("{base}", fhir.BaseUrl, StringComparison.Ordinal) });
        fhir.Respond("/fhir/Observation", page);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(fhir.Requests("/admin"));
        Assert.Empty(fhir.Requests("/fhir/%2"));
    }

    [Theory]
    [MemberData(nameof(BadNextLinks))]
    public async Task MalformedNextLink_FromTheClient_IsNeverFollowedAndNotA500(string next)
    {
        var request = Fixture();
        using var fhir = FhirServerMock.Start().Serve(request);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();
        var sent = fhir.WithServerAndToken(Fixture());
        sent["prefetch"]!["observations"]!["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = next.Replace("{base}", fhir.BaseUrl, StringComparison.Ordinal) });

        using var response = await client.PostJsonAsync(OrderSign, sent);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, response.StatusCode.ToString());
        Assert.Empty(fhir.Requests("/admin"));
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","resourceType":"Bundle","type":"searchset","entry":[]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","entry":[],"entry":[]}""")]
    [InlineData("""{"resourceType":["Bundle"],"type":"searchset","link":[{"relation":"next","url":"{base}/Observation?page=2"}]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Observation","id":"\ud800"}}]}""")]
    public async Task HostileServerJson_IsAFailedOrIgnoredFetchNotA500(string body)
    {
        var request = Fixture();
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        fhir.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(body.Replace("{base}", fhir.BaseUrl, StringComparison.Ordinal)));
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, response.StatusCode.ToString());
    }

    [Fact]
    public async Task ClientBundleWithARepeatedTopLevelKey_Is400NotA500()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        var body = Fixture().ToJsonString().Replace("\"hookInstance\":", "\"hook\":\"order-sign\",\"hookInstance\":", StringComparison.Ordinal);

        using var response = await client.PostRawAsync(OrderSign, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("repeated", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesBeyondTheWholeHookByteBudget_AreAFailedFetch_AndLaterPagesAreNotRead()
    {
        var request = Fixture();
        using var fhir = FhirServerMock.Start().Serve(request, "observations");
        var filler = new string('x', 40_000);
        for (var i = 1; i <= 10; i++)
        {
            var page = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "searchset",
                ["entry"] = new JsonArray(new JsonObject { ["resource"] = new JsonObject { ["resourceType"] = "Observation", ["id"] = $"o{i}", ["status"] = "final", ["note"] = new JsonArray(new JsonObject { ["text"] = filler }) } }),
                ["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = $"{fhir.BaseUrl}/Observation?page={i + 1}" }),
            };
            var matcher = Request.Create().WithPath("/fhir/Observation").UsingGet();
            matcher = i == 1 ? matcher.WithParam("patient") : matcher.WithParam("page", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            fhir.Server.Given(matcher).RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(page.ToJsonString()));
        }

        // 4 keys share 100 KB: the third 40 KB page does not fit.
        await using var app = new CdsBoneApplication(fhir.Settings(new() { ["CdsBone:Fhir:MaxHookBytes"] = "100000" }));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("larger than 100000 bytes", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
        Assert.True(fhir.Requests("/fhir/Observation").Count <= 3, $"{fhir.Requests("/fhir/Observation").Count} pages read");
    }

    [Fact]
    public async Task ResourcesBeyondTheWholeHookBudget_AreAFailedFetch()
    {
        var request = Fixture();
        using var fhir = FhirServerMock.Start().Serve(request);
        await using var app = new CdsBoneApplication(fhir.Settings(new() { ["CdsBone:Fhir:MaxHookResources"] = "1" }));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("more than 1 resources", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
    }
}
