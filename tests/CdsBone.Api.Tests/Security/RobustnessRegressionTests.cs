using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using CdsBone.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CdsBone.Api.Tests.Security;

/// <summary>Issue 12's robustness findings, one regression each: every one answered 500 before.</summary>
public sealed class RobustnessRegressionTests
{
    private const string OrderSign = "/cds-services/anastrozole-order-sign";

    private static JsonObject Fixture(string id = "V1-trt-high-e2-gynecomastia") => TestFiles.Request(TestFiles.VisibleFixtures, id);

    [Theory]
    [InlineData("1e13")]
    [InlineData("9.2e18")]
    [InlineData("-9.2e18")]
    [InlineData("1e400")]
    [InlineData("\"300\"")]
    [InlineData("null")]
    public async Task ExpiresIn_Extreme_IsNotA500(string expiresIn)
    {
        using var fhir = FhirServerMock.Start().Serve(Fixture());
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();
        var body = fhir.WithoutPrefetch(Fixture()).ToJsonString().Replace("\"expires_in\":300", $"\"expires_in\":{expiresIn}", StringComparison.Ordinal);

        using var response = await client.PostRawAsync(OrderSign, body, "application/json");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, response.StatusCode.ToString());
    }

    [Theory]
    [InlineData("tok\r\nX-Injected: 1")]
    [InlineData("tok\nen")]
    [InlineData("tok\u0000en")]
    [InlineData("tök")]
    public async Task AccessToken_WithControlOrNonAsciiCharacters_IsUnusableAndNeverSent(string token)
    {
        using var fhir = FhirServerMock.Start().Serve(Fixture());
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var client = app.CreateClient();
        var request = fhir.WithoutPrefetch(Fixture());
        request["fhirAuthorization"]!["access_token"] = token;

        using var response = await client.PostJsonAsync(OrderSign, request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(fhir.Server.LogEntries);
    }

    public static TheoryData<string, string, string> ExtremeValues() => new()
    {
        { "V1-trt-high-e2-gynecomastia", "estradiol 1e26 ng/mL", "estradiol" },
        { "V1-trt-high-e2-gynecomastia", "SHBG -0", "shbg" },
        { "V1-trt-high-e2-gynecomastia", "albumin 2.5e28", "albumin" },
        { "V1-trt-high-e2-gynecomastia", "albumin -2.5e28", "albumin" },
        { "V4-falling-e2-trend", "estradiol 1e-28", "estradiol" },
        { "V1-trt-high-e2-gynecomastia", "dose 1e28", "dose" },
        { "V1-trt-high-e2-gynecomastia", "period 1e28", "period" },
    };

    [Theory]
    [MemberData(nameof(ExtremeValues))]
    public async Task ExtremeNumbers_AreUnusableValues_NotA500(string fixture, string what, string target)
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        var (raw, text) = what.Split(' ') is [_, var v, ..] ? (v, what) : ("0", what);
        var body = Substitute(Fixture(fixture), target, raw);

        using var response = await client.PostRawAsync(OrderSign, body, "application/json");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{text}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("\"hookInstance\":\"\\ud800\"")]
    [InlineData("\"hookInstance\":\"\\udc00x\"")]
    public async Task LoneSurrogate_AnywhereInTheRequest_Is400(string hookInstance)
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        var request = Fixture();
        var body = request.ToJsonString().Replace($"\"hookInstance\":\"{request["hookInstance"]}\"", hookInstance, StringComparison.Ordinal);

        using var response = await client.PostRawAsync(OrderSign, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unicode", (await response.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8_InFeedback_Is400()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        byte[] body = [.. "{\"feedback\":[{\"card\":\""u8, 0xFF, 0xFE, .. "\",\"outcome\":\"accepted\"}]}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri(OrderSign + "/feedback", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HookInstance_WithNewlines_CannotForgeLogLines_AndIsCapped()
    {
        var capture = new LogCapture();
        await using var app = new CdsBoneApplication(services: s => s.AddLogging(l => l.AddProvider(capture)));
        using var client = app.CreateClient();
        var request = Fixture();
        request["hookInstance"] = "abc\r\nInformation CdsBone.Forged[1] admin logged in\n" + new string('x', 900_000);

        using var response = await client.PostJsonAsync(OrderSign, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = Assert.Single(capture.Lines, l => l.Contains("[1010]", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', answered);
        Assert.DoesNotContain('\r', answered);
        Assert.True(answered.Length < 2_000, $"{answered.Length} characters");
    }

    [Fact]
    public async Task Feedback_UnknownOverrideReason_IsCountedAsOther_AndLogIsBounded()
    {
        var capture = new LogCapture();
        await using var app = new CdsBoneApplication(services: s => s.AddLogging(l => l.AddProvider(capture)));
        using var client = app.CreateClient();
        using var metrics = new MetricRecorder(app.Services);
        var entries = new JsonArray();
        for (var i = 0; i < 500; i++)
        {
            entries.Add(new JsonObject
            {
                ["card"] = new string('c', 1_000),
                ["outcome"] = "overridden",
                ["overrideReason"] = new JsonObject { ["reason"] = new JsonObject { ["code"] = $"attacker-{i}", ["system"] = "x" } },
            });
        }

        using var response = await client.PostJsonAsync(OrderSign + "/feedback", new JsonObject { ["feedback"] = entries });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reasons = metrics.Tags("cdsbone_feedback").Select(t => t["override_reason"]).Distinct().ToList();
        Assert.Equal(["other"], reasons);
        var feedbackLines = capture.Lines.Where(l => l.Contains("[1100]", StringComparison.Ordinal)).ToList();
        Assert.InRange(feedbackLines.Count, 1, 20);
        Assert.All(feedbackLines, l => Assert.True(l.Length < 2_000, $"{l.Length} characters"));
    }

    [Fact]
    public async Task InternalError_BodyGivesTheTraceId_NotAMissingHeader()
    {
        var handler = new UnhandledExceptionHandler(NullLogger<UnhandledExceptionHandler>.Instance, Microsoft.Extensions.Options.Options.Create(new CdsBoneOptions()));
        var context = new DefaultHttpContext { TraceIdentifier = "0HN-test-request" };
        context.Response.Body = new MemoryStream();

        Assert.True(await handler.TryHandleAsync(context, new InvalidOperationException("boom"), CancellationToken.None));

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal(500, context.Response.StatusCode);
        Assert.Contains("trace id 0HN-test-request", body, StringComparison.Ordinal);
        Assert.DoesNotContain("traceparent", body, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ServersComeFromPublicBaseUrl_NeverTheHostHeader()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:PublicBaseUrl"] = "https://cdsbone.example.org" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Equal("https://cdsbone.example.org", JsonNode.Parse(text)!["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Production_AnswersOnlyForThePublicHost_ButProbesAnswerForAny()
    {
        using var issuer = new TestIssuer();
        await using var app = new CdsBoneApplication(
            new()
            {
                ["CdsBone:PublicBaseUrl"] = TestIssuer.PublicBase,
                ["CdsBone:Auth:Issuers:0:Issuer"] = TestIssuer.Name,
                ["CdsBone:Auth:Issuers:0:Jwks"] = issuer.Jwks(),
            },
            environment: "Production");
        using var client = app.CreateClient();

        using var forged = await Get(client, "/cds-services", "evil.example");
        using var genuine = await Get(client, "/cds-services", new Uri(TestIssuer.PublicBase).Host);
        using var probe = await Get(client, "/healthz", "10.1.2.3:8080");
        using var podIp = await Get(client, "/cds-services", "10.1.2.3:8080");
        using var inPod = await Get(client, "/cds-services", "127.0.0.1:8080");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, podIp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, inPod.StatusCode);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    /// <summary>The fixture's JSON with one number replaced by raw JSON text (so that -0 and 1e-28 survive as written).</summary>
    private static string Substitute(JsonObject request, string target, string raw)
    {
        const string Marker = "\"@@number@@\"";
        var entries = request["prefetch"]!["observations"]!["entry"]!.AsArray();
        JsonObject? Observation(string display) => entries.Select(e => e!["resource"]!.AsObject())
            .FirstOrDefault(o => o["code"]!.ToJsonString().Contains(display, StringComparison.OrdinalIgnoreCase) && o["valueQuantity"] is not null);
        var dosage = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["dosageInstruction"]![0]!;
        switch (target)
        {
            case "dose":
                dosage["doseAndRate"]![0]!["doseQuantity"]!["value"] = "@@number@@";
                break;
            case "period":
                dosage["timing"]!["repeat"]!["period"] = "@@number@@";
                break;
            default:
                var observation = Observation(target switch { "shbg" => "binding globulin", _ => target }) ?? throw new InvalidOperationException($"no {target} observation");
                observation["valueQuantity"]!["value"] = "@@number@@";
                if (raw == "1e26")
                {
                    observation["valueQuantity"]!["unit"] = "ng/mL";
                    observation["valueQuantity"]!["code"] = "ng/mL";
                }

                break;
        }

        return request.ToJsonString().Replace(Marker, raw, StringComparison.Ordinal);
    }
}
