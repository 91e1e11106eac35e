using System.Net;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Operations;

/// <summary>Swagger UI and the OpenAPI document: on in Development, off in Production unless CdsBone:OpenApi:Enabled.</summary>
public sealed class OpenApiSwitchTests
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task Production_ServesNoApiDescriptionByDefault(string path)
    {
        await using var app = new CdsBoneApplication(ProductionSettings(), environment: "Production");
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task Production_ServesTheApiDescriptionWhenEnabled(string path)
    {
        var settings = ProductionSettings();
        settings["CdsBone:OpenApi:Enabled"] = "true";
        await using var app = new CdsBoneApplication(settings, environment: "Production");
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Development_CanTurnTheApiDescriptionOff()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:OpenApi:Enabled"] = "false" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["CdsBone:PublicBaseUrl"] = TestIssuer.PublicBase,
        ["CdsBone:Auth:Issuers:0:Issuer"] = TestIssuer.Name,
        ["CdsBone:Auth:Issuers:0:Jwks"] = """{"keys": []}""",
    };
}
