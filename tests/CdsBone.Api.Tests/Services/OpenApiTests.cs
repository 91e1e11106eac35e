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
        Assert.NotNull(invoke["requestBody"]!["content"]!["application/json"]!["example"]);
        Assert.NotNull(invoke["responses"]!["200"]!["content"]!["application/json"]!["example"]);
        foreach (var status in new[] { "400", "404", "412", "413", "415" })
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
}
