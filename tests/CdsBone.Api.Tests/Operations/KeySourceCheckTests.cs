using System.Net;
using CdsBone.Api.Tests.Support;
using WireMock.Server;

namespace CdsBone.Api.Tests.Operations;

/// <summary>Trusted issuers' key sources are checked at start: a bad JwksPath stops it, an unreachable JwksUri degrades /readyz.</summary>
public sealed class KeySourceCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cdsbone-jwks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task MissingJwksPath_StopsTheStart_NamingTheSetting()
    {
        await using var app = new CdsBoneApplication(Issuer(jwksPath: Path.Combine(_folder, "absent.json")));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("CdsBone:Auth:Issuers:0:JwksPath", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"keys": []}""", "no asymmetric signing key")]
    [InlineData("not json", "not a readable JWK Set")]
    public async Task JwksPath_ThatIsNotAKeySet_StopsTheStart(string content, string reason)
    {
        var path = Path.Combine(_folder, "jwks.json");
        await File.WriteAllTextAsync(path, content);
        await using var app = new CdsBoneApplication(Issuer(jwksPath: path));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(reason, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadableJwksPath_Starts_AndIsReady()
    {
        using var issuer = new TestIssuer();
        var path = Path.Combine(_folder, "jwks.json");
        await File.WriteAllTextAsync(path, issuer.Jwks());
        await using var app = new CdsBoneApplication(Issuer(jwksPath: path));
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string?)(await ready.ReadJsonAsync())["status"]);
    }

    [Fact]
    public async Task UnreachableJwksUri_StartsDegraded_AndReadyzSaysWhich()
    {
        using var ehr = WireMockServer.Start(); // no mapping: every path answers 404
        var jwksUri = $"{ehr.Urls[0]}/jwks.json";
        await using var app = new CdsBoneApplication(Issuer(jwksUri: jwksUri));
        using var client = app.CreateClient();

        // The check runs in the background after start: wait for its verdict (bounded), not for a duration.
        string? status = null;
        string body = string.Empty;
        for (var attempt = 0; attempt < 200 && status != "Degraded"; attempt++)
        {
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            body = await ready.Content.ReadAsStringAsync();
            status = (string?)System.Text.Json.Nodes.JsonNode.Parse(body)!["status"];
            await Task.Delay(50);
        }

        Assert.Equal("Degraded", status);
        Assert.Contains(jwksUri, body, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Issuer(string? jwksPath = null, string? jwksUri = null) => new()
    {
        ["CdsBone:Auth:Required"] = "true",
        ["CdsBone:Auth:Issuers:0:Issuer"] = TestIssuer.Name,
        ["CdsBone:Auth:Issuers:0:JwksPath"] = jwksPath,
        ["CdsBone:Auth:Issuers:0:JwksUri"] = jwksUri,
        ["CdsBone:Auth:ProbeKeySetsAtStart"] = "true",
    };
}
