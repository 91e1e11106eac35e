using System.Text.Json.Nodes;
using CdsBone.Cli.Auth;
using CdsBone.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Cli.Tests.Auth;

public sealed class ClientTokenTests : IDisposable
{
    private const string Issuer = "https://ehr.example.test";
    private const string Audience = "http://localhost/cds-services/anastrozole-order-sign";
    private readonly TempDirectory dir = new();
    private readonly FakeTimeProvider clock = new(ToolRunner.Now);

    [Theory]
    [InlineData(SigningAlgorithm.Es384, "EC")]
    [InlineData(SigningAlgorithm.Rs384, "RSA")]
    public async Task A_token_carries_the_CDS_Hooks_claims_and_verifies_with_the_public_key_set(string algorithm, string keyType)
    {
        var (privatePath, publicPath) = NewKey(algorithm, "kid-1");
        var factory = new ClientTokenFactory(KeyFiles.Load(privatePath), clock);

        var token = factory.Create(new ClientTokenRequest(Issuer, Audience, TimeSpan.FromMinutes(5), "tenant-a"));

        var jwt = new JsonWebToken(token);
        Assert.Equal(algorithm, jwt.Alg);
        Assert.Equal("kid-1", jwt.Kid);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal(Issuer, jwt.Issuer);
        Assert.Equal([Audience], jwt.Audiences);
        Assert.Equal(ToolRunner.Now.UtcDateTime, jwt.IssuedAt);
        Assert.Equal(ToolRunner.Now.UtcDateTime.AddMinutes(5), jwt.ValidTo);
        Assert.True(Guid.TryParse(jwt.Id, out _));
        Assert.Equal("tenant-a", jwt.GetPayloadValue<string>("tenant"));

        var keySet = new JsonWebKeySet(await File.ReadAllTextAsync(publicPath));
        var publicKey = Assert.Single(keySet.Keys);
        Assert.Equal(keyType, publicKey.Kty);
        Assert.Null(publicKey.D);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKeys = keySet.Keys,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public void Every_token_has_its_own_jti()
    {
        var (privatePath, _) = NewKey(SigningAlgorithm.Es384, "kid-1");
        var factory = new ClientTokenFactory(KeyFiles.Load(privatePath), clock);

        var ids = Enumerable.Range(0, 20).Select(_ => new JsonWebToken(factory.Create(new ClientTokenRequest(Issuer, Audience, TimeSpan.FromMinutes(1)))).Id);

        Assert.Equal(20, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(7200)]
    public void Lifetimes_are_bounded(int seconds)
    {
        var (privatePath, _) = NewKey(SigningAlgorithm.Es384, "kid-1");
        var factory = new ClientTokenFactory(KeyFiles.Load(privatePath), clock);

        Assert.Throws<CliException>(() => factory.Create(new ClientTokenRequest(Issuer, Audience, TimeSpan.FromSeconds(seconds))));
    }

    [Fact]
    public void The_public_key_set_is_not_a_signing_key_and_keys_are_not_overwritten()
    {
        var (privatePath, publicPath) = NewKey(SigningAlgorithm.Es384, "kid-1");

        Assert.Throws<CliException>(() => KeyFiles.Load(publicPath));
        var (key, set) = KeyFiles.Create(SigningAlgorithm.Es384, "kid-2");
        Assert.Throws<CliException>(() => KeyFiles.Write(dir.Path, key, set));
        Assert.True(File.Exists(privatePath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(privatePath));
        }
    }

    [Fact]
    public async Task The_token_command_prints_a_token_for_the_audience_and_kid_asked()
    {
        var (privatePath, _) = NewKey(SigningAlgorithm.Rs384, "kid-1");
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("token", "--key", privatePath, "--iss", Issuer, "--aud", Audience, "--kid", "rotated", "--lifetime", "90s");

        Assert.Equal(0, exit);
        var jwt = new JsonWebToken(cli.Output.ToString().Trim());
        Assert.Equal("rotated", jwt.Kid);
        Assert.Equal(ToolRunner.Now.UtcDateTime.AddSeconds(90), jwt.ValidTo);
    }

    [Fact]
    public async Task Keys_new_writes_both_files()
    {
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("keys", "new", "--out", dir.File("k"), "--alg", "RS384", "--kid", "ehr-1", "--json");

        Assert.Equal(0, exit);
        var report = JsonNode.Parse(cli.Output.ToString())!;
        Assert.Equal("ehr-1", report["kid"]!.GetValue<string>());
        Assert.Equal("RS384", KeyFiles.Load(report["privateKey"]!.GetValue<string>()).Alg);
        Assert.Equal("ehr-1", new JsonWebKeySet(File.ReadAllText(report["jwks"]!.GetValue<string>())).Keys.Single().Kid);
    }

    private (string PrivatePath, string PublicPath) NewKey(string algorithm, string kid)
    {
        var (key, set) = KeyFiles.Create(algorithm, kid);
        return KeyFiles.Write(dir.Path, key, set);
    }

    public void Dispose() => dir.Dispose();
}
