using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdsBone.Api.Tests.Security;

/// <summary>CDS Hooks client authentication (CDS-HOOKS.md §1.H): only a well-formed, fresh, correctly signed token of a trusted client passes.</summary>
public sealed class ClientAuthenticationTests : IDisposable
{
    private const string Service = "/cds-services/anastrozole-order-sign";
    private readonly TestIssuer _issuer = new();
    private readonly FhirServerMock _jwks = FhirServerMock.Start();

    public ClientAuthenticationTests() => ServeJwks(_issuer.Jwks());

    private string JwksUrl => $"{_jwks.Server.Urls[0]}/jwks.json";

    private void ServeJwks(string jwks)
    {
        _jwks.Server.ResetMappings();
        _jwks.Server.Given(Request.Create().WithPath("/jwks.json").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));
    }

    private CdsBoneApplication App(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CdsBone:Auth:Required"] = "true",
            ["CdsBone:PublicBaseUrl"] = TestIssuer.PublicBase,
            ["CdsBone:Auth:Issuers:0:Issuer"] = TestIssuer.Name,
            ["CdsBone:Auth:Issuers:0:JwksUri"] = JwksUrl,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new CdsBoneApplication(settings);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, string? token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent((body ?? TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2")).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("ec-1")]
    [InlineData("rsa-1")]
    public async Task Post_ValidTokenOfEitherAlgorithm_IsAccepted(string kid)
    {
        await using var app = App();
        using var client = app.CreateClient();

        using var response = await Post(client, Service, _issuer.Token(Service, app.Clock.GetUtcNow(), kid));

        Assert.NotEmpty(await response.CardsAsync());
    }

    [Fact]
    public async Task Post_AudienceAsArray_IsAccepted()
    {
        await using var app = App();
        using var client = app.CreateClient();
        var token = _issuer.Token(Service, app.Clock.GetUtcNow(), claims: c => c["aud"] = new[] { "https://elsewhere.test", TestIssuer.PublicBase + Service });

        using var response = await Post(client, Service, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_WithItsOwnAudience_IsAccepted_AndDiscoveryNeedsItsOwn()
    {
        await using var app = App();
        using var client = app.CreateClient();
        const string feedback = Service + "/feedback";
        var body = JsonNode.Parse("""{"feedback": [{"card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "overridden", "outcomeTimestamp": "2025-06-01T10:00:00Z"}]}""");

        using var ok = await Post(client, feedback, _issuer.Token(feedback, app.Clock.GetUtcNow()), body);
        using var discovery = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        discovery.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Token("/cds-services", app.Clock.GetUtcNow()));
        using var discovered = await client.SendAsync(discovery);
        using var anonymous = await client.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discovered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public static TheoryData<string> Refusals() =>
    [
        "no token", "expired", "iat in the future", "wrong aud", "aud of another endpoint", "untrusted iss", "unknown kid", "tampered payload",
        "alg none", "HS256 with the public key", "missing jti", "right kid, rogue key", "no kid", "typ not JWT", "not a JWT", "missing exp",
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Post_BadToken_Is401WithoutDetail(string how)
    {
        await using var app = App();
        using var client = app.CreateClient();
        using var metrics = new MetricRecorder(app.Services);
        var now = app.Clock.GetUtcNow();
        var token = how switch
        {
            "no token" => null,
            "expired" => _issuer.Token(Service, now.AddMinutes(-10)),
            "iat in the future" => _issuer.Token(Service, now.AddMinutes(10)),
            "wrong aud" => _issuer.Token(Service, now, claims: c => c["aud"] = "https://cdsbone.internal.svc/cds-services/anastrozole-order-sign"),
            "aud of another endpoint" => _issuer.Token("/cds-services/anastrozole-patient-view", now),
            "untrusted iss" => _issuer.Token(Service, now, issuer: "https://rogue.test"),
            "unknown kid" => Retag(_issuer.Token(Service, now), "kid", "ec-404"),
            "tampered payload" => Tamper(_issuer.Token(Service, now)),
            "alg none" => TestIssuer.Unsigned("""{"alg":"none","typ":"JWT","kid":"ec-1"}""", Payload(now)),
            "HS256 with the public key" => TestIssuer.Unsigned("""{"alg":"HS256","typ":"JWT","kid":"ec-1"}""", Payload(now), Encoding.UTF8.GetBytes(_issuer.Jwks("ec-1"))),
            "missing jti" => _issuer.Token(Service, now, claims: c => c.Remove("jti")),
            "right kid, rogue key" => RogueKey(now),
            "no kid" => Retag(_issuer.Token(Service, now), "kid", null),
            "typ not JWT" => Retag(_issuer.Token(Service, now), "typ", "at+jwt"),
            "not a JWT" => "definitely.not-a.jwt!",
            "missing exp" => _issuer.Token(Service, now, claims: c => c.Remove("exp")),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };

        using var response = await Post(client, Service, token);

        await AssertRefused(response);
        Assert.NotEmpty(metrics.Tags("cdsbone_auth_rejections"));
    }

    [Fact]
    public async Task Post_ReplayedJti_Is401()
    {
        await using var app = App();
        using var client = app.CreateClient();
        var token = _issuer.Token(Service, app.Clock.GetUtcNow());

        using var first = await Post(client, Service, token);
        using var replay = await Post(client, Service, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefused(replay);
    }

    [Fact]
    public async Task Post_JkuNotAllowListed_IsRefusedAndNeverFetched()
    {
        using var rogue = FhirServerMock.Start();
        rogue.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(_issuer.Jwks()));
        await using var app = App();
        using var client = app.CreateClient();
        var token = _issuer.Token(Service, app.Clock.GetUtcNow(), header: new() { ["jku"] = $"{rogue.Server.Urls[0]}/jwks.json" });

        using var response = await Post(client, Service, token);

        await AssertRefused(response);
        Assert.Empty(rogue.Server.LogEntries);
    }

    [Fact]
    public async Task Post_AllowListedJku_IsUsed()
    {
        using var published = FhirServerMock.Start();
        published.Server.Given(Request.Create().WithPath("/keys").UsingGet()).RespondWith(Response.Create().WithBody(_issuer.Jwks()));
        var jku = $"{published.Server.Urls[0]}/keys";
        await using var app = App(new() { ["CdsBone:Auth:Issuers:0:JwksUri"] = null, ["CdsBone:Auth:Issuers:0:AllowedJku:0"] = jku });
        using var client = app.CreateClient();

        using var response = await Post(client, Service, _issuer.Token(Service, app.Clock.GetUtcNow(), header: new() { ["jku"] = jku }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(published.Server.LogEntries);
    }

    [Fact]
    public async Task Post_InlineOutOfBandKeySet_IsUsedWithoutFetching()
    {
        await using var app = App(new() { ["CdsBone:Auth:Issuers:0:JwksUri"] = null, ["CdsBone:Auth:Issuers:0:Jwks"] = _issuer.Jwks() });
        using var client = app.CreateClient();

        using var response = await Post(client, Service, _issuer.Token(Service, app.Clock.GetUtcNow(), "rsa-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_jwks.Server.LogEntries);
    }

    [Fact]
    public async Task KeyRotation_NewKid_FetchesTheKeySetOnceMore()
    {
        ServeJwks(_issuer.Jwks("ec-1"));
        await using var app = App();
        using var client = app.CreateClient();
        using var before = await Post(client, Service, _issuer.Token(Service, app.Clock.GetUtcNow()));
        _issuer.AddEcKey("ec-2");
        ServeJwks(_issuer.Jwks("ec-1", "ec-2"));
        app.Clock.Advance(TimeSpan.FromMinutes(6));

        using var rotated = await Post(client, Service, _issuer.Token(Service, app.Clock.GetUtcNow(), "ec-2"));
        using var unknown = await Post(client, Service, Retag(_issuer.Token(Service, app.Clock.GetUtcNow()), "kid", "ec-9"));
        using var again = await Post(client, Service, _issuer.Token(Service, app.Clock.GetUtcNow(), "ec-2"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, _jwks.Requests("/jwks.json").Count);
    }

    [Fact]
    public async Task Tenant_OnTheAllowList_IsRequiredWhenConfigured()
    {
        await using var app = App(new() { ["CdsBone:Auth:Issuers:0:Tenants:0"] = "hospital-a" });
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();

        using var allowed = await Post(client, Service, _issuer.Token(Service, now, claims: c => c["tenant"] = "hospital-a"));
        using var other = await Post(client, Service, _issuer.Token(Service, now, claims: c => c["tenant"] = "hospital-b"));
        using var none = await Post(client, Service, _issuer.Token(Service, now));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertRefused(other);
        await AssertRefused(none);
    }

    [Fact]
    public async Task Production_RefusesStartWithoutTrustedClientsOrPublicUrl()
    {
        await using var app = new CdsBoneApplication(environment: "Production");

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
    }

    private static async Task AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("OperationOutcome", body, StringComparison.Ordinal);
        Assert.Contains("authentication required", body, StringComparison.Ordinal);
        foreach (var leak in new[] { "expired", "audience", "kid", "signature", "issuer", "jti", "replay" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Payload(DateTimeOffset now) =>
        new JsonObject { ["iss"] = TestIssuer.Name, ["aud"] = TestIssuer.PublicBase + Service, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(), ["jti"] = Guid.NewGuid().ToString() }.ToJsonString();

    private string RogueKey(DateTimeOffset now)
    {
        using var rogue = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return _issuer.Token(Service, now, signWith: rogue);
    }

    /// <summary>Changes one header value, keeping the original signature (which then no longer verifies, or never did).</summary>
    private static string Retag(string token, string name, string? value)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        if (value is null)
        {
            header.Remove(name);
        }
        else
        {
            header[name] = value;
        }

        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}.{parts[2]}";
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["exp"] = payload["exp"]!.GetValue<long>() + 86_400;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    public void Dispose()
    {
        _issuer.Dispose();
        _jwks.Dispose();
    }
}
