using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using CdsBone.Api.TrendView;

namespace CdsBone.Api.Tests.TrendView;

/// <summary>The card link to the trend view: on every decision card when enabled, a switch turns it off, no PHI in appContext.</summary>
public sealed class TrendCardLinkTests
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
    public async Task Post_TrendViewEnabled_EveryCardLinksToTheLaunchWithItsContext(string patientId)
    {
        await using var app = new CdsBoneApplication(Enabled());
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, TestFiles.Request(TestFiles.VisibleFixtures, patientId));

        var cards = await response.CardsAsync();
        Assert.NotEmpty(cards);
        foreach (var card in cards.Select(c => c!.AsObject()))
        {
            var link = Assert.Single(card["links"]!.AsArray(), l => (string?)l!["type"] == "smart")!;
            Assert.Equal(TrendViewCardLink.Label, (string?)link["label"]);
            Assert.Equal("https://cds.example.org/app/launch", (string?)link["url"]);
            var context = TrendAppContext.TryParse((string?)link["appContext"]);
            Assert.NotNull(context);
            Assert.Equal((string?)card["uuid"], context.CardUuid);
            Assert.Equal((string?)card["source"]!["topic"]!["code"], context.Recommendation);
            Assert.Equal(card["extension"]!["org.cdsbone"]!["ruleIds"]!.AsArray().Select(r => (string?)r), context.RuleIds);
            Assert.DoesNotContain(patientId, (string?)link["appContext"], StringComparison.Ordinal);
            Assert.All(card["links"]!.AsArray().Where(l => (string?)l!["type"] == "absolute"), l => Assert.Null(l!["appContext"]));
        }
    }

    [Fact]
    public async Task Post_CardLinkSwitchedOff_NoSmartLink()
    {
        await using var app = new CdsBoneApplication(Enabled(new() { ["CdsBone:TrendView:CardLink"] = "false" }));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, TestFiles.Request(TestFiles.VisibleFixtures, "V4-falling-e2-trend"));

        Assert.DoesNotContain(await response.CardsAsync(), c => c!["links"]?.AsArray().Any(l => (string?)l!["type"] == "smart") == true);
    }

    [Fact]
    public async Task Post_TrendViewOff_CardsAreUnchanged()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync(OrderSign, TestFiles.Request(TestFiles.VisibleFixtures, "V4-falling-e2-trend"));

        Assert.DoesNotContain(await response.CardsAsync(), c => c!.ToJsonString().Contains("\"smart\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AppContext_NotOurs_IsIgnored()
    {
        Assert.Null(TrendAppContext.TryParse("{\"patient\":\"x\"}"));
        Assert.Null(TrendAppContext.TryParse("not json"));
        Assert.Null(TrendAppContext.TryParse(new string('x', TrendAppContext.MaxLength + 1)));
    }

    private static Dictionary<string, string?> Enabled(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CdsBone:PublicBaseUrl"] = "https://cds.example.org",
            ["CdsBone:TrendView:Enabled"] = "true",
            ["CdsBone:TrendView:ClientId"] = "cdsbone-trends",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
