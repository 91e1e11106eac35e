using System.Net;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Security;

/// <summary>
/// A key-set file (a Kubernetes Secret mounted without subPath) rotated while the service runs: a token signed with the
/// new key is accepted without a restart, and the old key keeps working only as long as the file still holds it.
/// </summary>
public sealed class KeySetFileRotationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cdsbone-jwks-{Guid.NewGuid():N}");

    public KeySetFileRotationTests() => Directory.CreateDirectory(_folder);

    private string JwksPath => Path.Combine(_folder, "jwks.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RotatedKeySetFile_IsReadAgain_WhenATokenNamesANewKid()
    {
        var issuer = new TestIssuer();
        issuer.AddEcKey("ec-2");
        File.WriteAllText(JwksPath, issuer.Jwks("ec-1"));
        await using var app = AuthenticatedApp.Create(jwksUrl: null, more: new() { ["CdsBone:Auth:Issuers:0:JwksPath"] = JwksPath });
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();

        using var before = await AuthenticatedApp.PostAsync(client, issuer.Token(AuthenticatedApp.Service, now, "ec-1"));
        using var unknown = await AuthenticatedApp.PostAsync(client, issuer.Token(AuthenticatedApp.Service, now, "ec-2"));
        File.WriteAllText(JwksPath, issuer.Jwks("ec-2"));
        File.SetLastWriteTimeUtc(JwksPath, File.GetLastWriteTimeUtc(JwksPath).AddSeconds(5));
        using var rotated = await AuthenticatedApp.PostAsync(client, issuer.Token(AuthenticatedApp.Service, now, "ec-2"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
    }
}
