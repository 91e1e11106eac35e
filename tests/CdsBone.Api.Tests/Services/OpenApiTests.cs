using System.Net;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Services;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Get_OpenApi_DescribesEveryEndpointWithSchemasAndExamples()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var paths = document["paths"]!.AsObject();
        Assert.NotNull(paths["/cds-services"]?["get"]);
        var invoke = paths["/cds-services/{id}"]?["post"];
        Assert.NotNull(invoke);
        Assert.NotNull(paths["/cds-services/{id}/feedback"]?["post"]);
        Assert.NotNull(invoke!["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(invoke["requestBody"]!["content"]!["application/json"]!["examples"]);
        Assert.NotNull(invoke["responses"]!["200"]!["content"]!["application/json"]!["example"]);
        foreach (var status in new[] { "400", "401", "404", "412", "413", "415", "429" })
        {
            Assert.NotNull(invoke["responses"]![status]);
        }

        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.Contains(schemas, s => s.Key.Contains("Card", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Swagger_ServesTheUi()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_OpenApi_HasBearerAuth_ServiceIdEnum_AndServersFromPublicBaseUrl()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:PublicBaseUrl"] = "https://cds.example.test/" });
        using var client = app.CreateClient();

        var document = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).ReadJsonAsync();

        Assert.Equal("https://cds.example.test", (string?)document["servers"]![0]!["url"]);
        var scheme = document["components"]!["securitySchemes"]!.AsObject().Single().Value!;
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
        var invoke = document["paths"]!["/cds-services/{id}"]!["post"]!;
        Assert.NotEmpty(invoke["security"]!.AsArray());
        var ids = invoke["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "id")!["schema"]!["enum"]!.AsArray().Select(n => (string)n!).ToHashSet();
        var discovery = await (await client.GetAsync(new Uri("/cds-services", UriKind.Relative))).ReadJsonAsync();
        Assert.Equal(discovery["services"]!.AsArray().Select(s => (string)s!["id"]!).ToHashSet(), ids);
        Assert.Equal("string", (string?)document["components"]!["schemas"]!["CardIndicator"]!["type"]);
        Assert.DoesNotContain("<c>", document.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cref=", document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExampleRequests_OnePerService_AreAnsweredWithTheDocumentedCardOnTheDayServed()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        var document = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).ReadJsonAsync();
        var examples = document["paths"]!["/cds-services/{id}"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();

        Assert.Equal(3, examples.Count);
        var documented = document["paths"]!["/cds-services/{id}"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        foreach (var (serviceId, example) in examples)
        {
            using var response = await client.PostJsonAsync($"/cds-services/{serviceId}", example!["value"]!.DeepClone());
            var cards = await response.CardsAsync();
            Assert.True(cards.Count > 0, $"{serviceId}: the example gives no card");
            if (serviceId == "anastrozole-order-sign")
            {
                Assert.Contains(cards, c => (string?)c!["summary"] == (string?)documented["cards"]![0]!["summary"]);
            }
        }

        var lab = (string)documented["cards"]![0]!["extension"]!["org.cdsbone"]!["evidence"]![0]!["effective"]!;
        Assert.Equal(app.Clock.GetUtcNow().AddDays(-12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lab[..10]);
    }
}
