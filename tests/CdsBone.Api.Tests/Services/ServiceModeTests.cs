using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Services;

/// <summary>Per-service mode: active returns cards; shadow evaluates, records and returns none; off does not evaluate.</summary>
public sealed class ServiceModeTests
{
    private const string Patient = "V2-fertility-protocol-low-e2";

    [Fact]
    public async Task Post_ShadowMode_ReturnsNoCardsButRecordsThem()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Services:anastrozole-order-sign:Mode"] = "Shadow" });
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", TestFiles.Request(TestFiles.VisibleFixtures, Patient));

        Assert.Empty(await response.CardsAsync());
        var cards = metrics.Tags("cdsbone_cards");
        Assert.Contains(cards, t => (string?)t["mode"] == "shadow" && (string?)t["recommendation"] == "stop");
    }

    [Fact]
    public async Task Post_OffMode_ReturnsNoCardsWithoutEvaluating()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Services:anastrozole-order-sign:Mode"] = "Off" });
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", TestFiles.Request(TestFiles.VisibleFixtures, Patient));

        Assert.Empty(await response.CardsAsync());
        Assert.Empty(metrics.Tags("cdsbone_cards"));
        Assert.Contains(metrics.Tags("cdsbone_hook_calls"), t => (string?)t["outcome"] == "off");
    }

    [Fact]
    public async Task Post_OtherServiceStillActive_ReturnsCards()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Services:anastrozole-order-select:Mode"] = "Shadow" });
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", TestFiles.Request(TestFiles.VisibleFixtures, Patient));

        Assert.NotEmpty(await response.CardsAsync());
        Assert.Contains(metrics.Tags("cdsbone_cards"), t => (string?)t["mode"] == "active");
    }

    [Fact]
    public async Task Post_OrderSelectAndPatientView_AnswerFromTheSameFixture()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var select = await client.PostJsonAsync("/cds-services/anastrozole-order-select", TestFiles.AsOrderSelect(TestFiles.Request(TestFiles.VisibleFixtures, "V4-falling-e2-trend")));
        using var view = await client.PostJsonAsync("/cds-services/anastrozole-patient-view", TestFiles.AsPatientView(TestFiles.Request(TestFiles.VisibleFixtures, "V4-falling-e2-trend")));

        var selectCards = await select.CardsAsync();
        var viewCards = await view.CardsAsync();
        Assert.Contains(selectCards, c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "reduce-dose");
        var reduce = Assert.Single(viewCards, c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "reduce-dose");
        var update = reduce!["suggestions"]![0]!["actions"]![0]!;
        Assert.Equal("update", update["type"]!.GetValue<string>());
        Assert.Equal("V4-falling-e2-trend-med-1", update["resource"]!["id"]!.GetValue<string>());
        Assert.Equal("active", update["resource"]!["status"]!.GetValue<string>());
    }
}
