using System.Net;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Errors;

/// <summary>Each error case answers its status with a FHIR OperationOutcome body, never a 500.</summary>
public sealed class ErrorResponseTests
{
    private const string OrderSign = "/cds-services/anastrozole-order-sign";

    private static JsonObject ValidRequest() => TestFiles.Request(TestFiles.VisibleFixtures, "V1-trt-high-e2-gynecomastia");

    public static TheoryData<string, string?> MalformedBodies() => new()
    {
        { "{not json", "application/json" },
        { "[1, 2, 3]", "application/json" },
        { "\"order-sign\"", "application/json" },
        { """{"hookInstance": "x", "context": {}}""", "application/json" },
        { """{"hook": "order-sign", "context": {}}""", "application/json" },
        { """{"hook": "order-sign", "hookInstance": "x"}""", "application/json" },
        { """{"hook": "order-sign", "hookInstance": "x", "context": []}""", "application/json" },
        { """{"hook": 5, "hookInstance": "x", "context": {}}""", "application/json" },
        { """{"hook": "order-sign", "hookInstance": "x", "context": {"draftOrders": {}}}""", "application/json" },
        { "", "application/json" },
        { new string('[', 200) + new string(']', 200), "application/json" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_MalformedRequest_Is400WithOperationOutcome(string body, string? contentType)
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostRawAsync(OrderSign, body, contentType);

        await AssertOutcome(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_HookNotMatchingTheService_Is400()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/anastrozole-patient-view", ValidRequest());

        var outcome = await AssertOutcome(response, HttpStatusCode.BadRequest);
        Assert.Contains("patient-view", outcome["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownService_Is404()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/no-such-service", ValidRequest());

        await AssertOutcome(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("patient")]
    [InlineData("observations")]
    [InlineData("medications")]
    public async Task Post_RequiredPrefetchAbsent_Is412SayingWhatIsMissing(string key)
    {
        var request = ValidRequest();
        request["prefetch"]!.AsObject().Remove(key);
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        var outcome = await AssertOutcome(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal($"prefetch.{key}", outcome["issue"]![0]!["expression"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_RequiredPrefetchIsOperationOutcome_Is412()
    {
        var request = ValidRequest();
        request["prefetch"]!["observations"] = JsonNode.Parse("""{"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout"}]}""");
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        await AssertOutcome(response, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Post_NullPrefetchAndNoConditions_AreNotErrors()
    {
        var request = ValidRequest();
        request["prefetch"]!["observations"] = null;
        request["prefetch"]!.AsObject().Remove("conditions");
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        var cards = await response.CardsAsync();
        Assert.Contains(cards, c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "obtain-labs");
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Limits:MaxRequestBytes"] = "4096" });
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, ValidRequest());

        await AssertOutcome(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task Post_NotJson_Is415(string? contentType)
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostRawAsync(OrderSign, ValidRequest().ToJsonString(), contentType);

        await AssertOutcome(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/fhir+json")]
    [InlineData("application/json; charset=utf-8")]
    public async Task Post_JsonMediaTypes_AreAccepted(string contentType)
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostRawAsync(OrderSign, ValidRequest().ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_MissingPatientId_Is400()
    {
        var request = ValidRequest();
        request["context"]!.AsObject().Remove("patientId");
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        await AssertOutcome(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_UnknownFieldsAndOneDotOQuirks_AreTolerated()
    {
        var request = ValidRequest();
        request["user"] = "Practitioner/legacy";
        request["extension"] = new JsonObject { ["com.example.x"] = 1 };
        request["fhirServer"] = "http://localhost:9999/fhir";
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["category"] = new JsonObject { ["text"] = "outpatient" };
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, request);

        Assert.NotEmpty(await response.CardsAsync());
    }

    private static async Task<JsonObject> AssertOutcome(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("OperationOutcome", outcome["resourceType"]!.GetValue<string>());
        Assert.NotEmpty(outcome["issue"]!.AsArray());
        return outcome;
    }
}

/// <summary>Cases the fuzzing found, kept as plain regression tests.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public async Task Post_DraftWithStatusOfTheWrongJsonType_AnswersWithoutTheUpdateSuggestion()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V4-falling-e2-trend");
        var draft = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!;
        draft["status"] = new JsonObject();
        draft["intent"] = true;
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", request);

        var reduce = Assert.Single(await response.CardsAsync(), c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "reduce-dose");
        Assert.Null(reduce!["suggestions"]);
    }
}
