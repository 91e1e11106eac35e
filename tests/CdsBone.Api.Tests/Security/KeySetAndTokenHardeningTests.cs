using System.Net;
using System.Text.Json.Nodes;
using CdsBone.Api.Security;
using CdsBone.Api.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdsBone.Api.Tests.Security;

/// <summary>Issue 12: key-set fetches that callers cannot cancel or stall, JWT header and lifetime rules, pre-authentication limits.</summary>
public sealed class KeySetAndTokenHardeningTests : IDisposable
{
    private readonly TestIssuer _issuer = new();
    private readonly FhirServerMock _jwks = FhirServerMock.Start();

    private string JwksUrl => $"{_jwks.Server.Urls[0]}/jwks.json";

    private void ServeJwks(string body, int status = 200, TimeSpan? delay = null)
    {
        _jwks.Server.ResetMappings();
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        _jwks.Server.Given(Request.Create().WithPath("/jwks.json").UsingGet()).RespondWith(delay is { } d ? response.WithDelay(d) : response);
    }

    [Fact]
    public async Task AbortedUnknownKidToken_DoesNotLockTheIssuerOut()
    {
        ServeJwks(_issuer.Jwks(), delay: TimeSpan.FromMilliseconds(400));
        await using var app = AuthenticatedApp.Create(JwksUrl);
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();
        using (var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AuthenticatedApp.PostAsync(client, Retag(_issuer.Token(AuthenticatedApp.Service, now), "kid", "ec-404"), cancellationToken: abort.Token));
        }

        using var valid = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task FailedFetch_DoesNotUseUpTheRefreshAllowance()
    {
        ServeJwks("{}", status: 500);
        await using var app = AuthenticatedApp.Create(JwksUrl);
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();

        using var whileDown = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now));
        ServeJwks(_issuer.Jwks());
        using var recovered = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now));

        Assert.Equal(HttpStatusCode.Unauthorized, whileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task SlowKeySet_DoesNotHoldTheCallerBeyondTheFetchTimeout()
    {
        ServeJwks(_issuer.Jwks(), delay: TimeSpan.FromSeconds(5));
        await using var app = AuthenticatedApp.Create(JwksUrl, more: new() { ["CdsBone:Auth:KeyFetchTimeout"] = "00:00:00.300" });
        using var client = app.CreateClient();
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, app.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        // Well below the key set's 5 s: the caller was released by the fetch timeout (generous margin for a busy machine).
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(4), $"held {started.Elapsed}");
    }

    [Fact]
    public async Task EndlessKeySetBody_IsCutOffWhileReading()
    {
        using var factory = new StreamingFactory(new EndlessStream());
        var fetcher = new KeySetFetcher(factory, new DevelopmentEnvironment());

        var keys = await fetcher.FetchAsync("http://127.0.0.1:9/jwks.json", CancellationToken.None);

        Assert.Null(keys);
        Assert.InRange(EndlessStream.Served, 1, 1024 * 1024);
    }

    public static TheoryData<string> HeaderAndLifetimeRefusals() => ["crit header", "lifetime beyond the cap", "exp in year 9999", "exp not a number", "exp 1e300"];

    [Theory]
    [MemberData(nameof(HeaderAndLifetimeRefusals))]
    public async Task Token_BadHeaderOrLifetime_Is401(string how)
    {
        await using var app = AuthenticatedApp.Create(null, _issuer.Jwks());
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();
        var token = how switch
        {
            "crit header" => _issuer.Token(AuthenticatedApp.Service, now, header: new() { ["crit"] = new[] { "exp" } }),
            "lifetime beyond the cap" => _issuer.Token(AuthenticatedApp.Service, now, claims: c => c["exp"] = now.AddHours(1).ToUnixTimeSeconds()),
            "exp in year 9999" => _issuer.Token(AuthenticatedApp.Service, now, claims: c => c["exp"] = 253402300799L),
            "exp not a number" => _issuer.Token(AuthenticatedApp.Service, now, claims: c => c["exp"] = "soon"),
            "exp 1e300" => _issuer.Token(AuthenticatedApp.Service, now, claims: c => c["exp"] = 1e300),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };

        using var response = await AuthenticatedApp.PostAsync(client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_TypInLowerCase_IsAccepted()
    {
        await using var app = AuthenticatedApp.Create(null, _issuer.Jwks());
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();

        using var response = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now, header: new() { ["typ"] = "jwt" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefusedTokensFromOneAddress_Get429BeforeAnySignatureCheck_WithoutLockingOutTrustedIssuers()
    {
        await using var app = AuthenticatedApp.Create(null, _issuer.Jwks(), new() { ["CdsBone:RateLimit:FailedAuthPerSecond"] = "1", ["CdsBone:RateLimit:FailedAuthBurst"] = "3" });
        using var client = app.CreateClient();
        using var metrics = new MetricRecorder(app.Services);
        var now = app.Clock.GetUtcNow();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now, issuer: "https://rogue.test"));
            statuses.Add(response.StatusCode);
        }

        using var trusted = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now));

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // Junk naming an untrusted issuer fills its own bucket: the trusted EHR behind the same address is not locked out.
        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.True(statuses.Count(s => s == HttpStatusCode.Unauthorized) <= 5, string.Join(",", statuses));
        Assert.Contains(metrics.Tags("cdsbone_auth_rejections"), t => Equals(t.GetValueOrDefault("reason"), nameof(AuthFailure.PreAuthenticationLimited)));
    }

    [Fact]
    public async Task IssuerWithoutTenantList_IsRateLimitedAsOneClient_WhateverTenantItClaims()
    {
        await using var app = AuthenticatedApp.Create(null, _issuer.Jwks(), new() { ["CdsBone:RateLimit:PermitsPerSecond"] = "1", ["CdsBone:RateLimit:Burst"] = "2" });
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now, claims: c => c["tenant"] = $"tenant-{i}"));
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    private static string Retag(string token, string name, string value)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        header[name] = value;
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}.{parts[2]}";
    }

    public void Dispose()
    {
        _issuer.Dispose();
        _jwks.Dispose();
    }

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "CdsBone.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class StreamingFactory(Stream body) : IHttpClientFactory, IDisposable
    {
        private readonly Handler _handler = new(body);

        public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);

        public void Dispose() => _handler.Dispose();

        private sealed class Handler(Stream body) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        }
    }

    /// <summary>A body with no Content-Length that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public static long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
