using System.Net;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Feedback;

public sealed class FeedbackTests
{
    private const string Feedback = "/cds-services/anastrozole-order-sign/feedback";

    [Fact]
    public async Task Post_SpecExampleAccepted_Is200()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        var body = await File.ReadAllTextAsync(Path.Combine(TestFiles.RepositoryRoot, "..", "shared", "spec-examples", "feedback-accepted.json"));

        using var response = await client.PostRawAsync(Feedback, body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_OutcomeOfOurCard_IsCountedByRuleAndReason()
    {
        await using var app = new CdsBoneApplication();
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();
        using var hook = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2"));
        var card = (await hook.CardsAsync()).First(c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "stop")!;
        var ruleIds = card["extension"]!["org.cdsbone"]!["ruleIds"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(
                new JsonObject
                {
                    ["card"] = card["uuid"]!.GetValue<string>(),
                    ["outcome"] = "overridden",
                    ["overrideReason"] = new JsonObject { ["reason"] = new JsonObject { ["code"] = "specialist-care", ["system"] = "https://cdsbone.example.org/fhir/CodeSystem/override-reason" }, ["userComment"] = "seen by endo" },
                    ["outcomeTimestamp"] = "2025-06-01T10:05:31Z",
                }),
        };

        using var response = await client.PostJsonAsync(Feedback, feedback);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counted = metrics.Tags("cdsbone_feedback");
        Assert.Equal(ruleIds.Order(), counted.Select(t => (string)t["rule"]!).Order());
        Assert.All(counted, t => Assert.Equal(("overridden", "specialist-care"), ((string)t["outcome"]!, (string)t["override_reason"]!)));
    }

    [Fact]
    public async Task Post_SeveralEntriesRepeatsAndOverridesWithoutReason_Are200()
    {
        await using var app = new CdsBoneApplication();
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();
        const string body = """
            {"feedback": [
              {"card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "overridden", "outcomeTimestamp": "2021-12-11T10:05:31Z"},
              {"card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "overridden", "outcomeTimestamp": "2021-12-11T10:05:32Z"},
              {"card": "9b0c1c2d-0000-4000-8000-000000000001", "outcome": "accepted", "acceptedSuggestions": [{"id": "e56e1945-20b3-4393-8503-a1a20fd73152"}], "outcomeTimestamp": "2021-12-11T10:06:00Z"},
              {"card": "9b0c1c2d-0000-4000-8000-000000000002", "outcome": "overridden", "overrideReason": {"userComment": "no code chosen"}, "outcomeTimestamp": "2021-12-11T10:06:00Z"}
            ]}
            """;

        using var response = await client.PostRawAsync(Feedback, body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, metrics.Tags("cdsbone_feedback").Count(t => (string?)t["rule"] == "unknown"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"feedback": {}}""")]
    [InlineData("""{"feedback": [1]}""")]
    [InlineData("""{"feedback": [{"outcome": "accepted"}]}""")]
    [InlineData("""{"feedback": [{"card": "x", "outcome": "maybe"}]}""")]
    [InlineData("""{"feedback": [{"card": "x", "outcome": "overridden", "outcomeTimestamp": "yesterday"}]}""")]
    public async Task Post_MalformedFeedback_Is400(string body)
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostRawAsync(Feedback, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.ReadJsonAsync())["resourceType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_FeedbackForUnknownService_Is404()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostRawAsync("/cds-services/nope/feedback", """{"feedback": []}""", "application/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
