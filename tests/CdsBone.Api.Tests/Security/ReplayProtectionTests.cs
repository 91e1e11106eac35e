using System.Net;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Security;

/// <summary>
/// Issue 12, vulnerability 1 and the replay-store bounds: one token sent N times at once is accepted exactly once, in
/// memory and with a real Redis; a full or unreachable store answers 503 with an OperationOutcome, never 401 or 500.
/// </summary>
public sealed class ReplayProtectionTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const int Copies = 30;
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task ConcurrentCopiesOfOneToken_InMemory_ExactlyOneIsAccepted()
    {
        await using var app = AuthenticatedApp.Create(null, _issuer.Jwks());
        using var client = app.CreateClient();

        var statuses = await AuthenticatedApp.RaceAsync(client, _issuer.Token(AuthenticatedApp.Service, app.Clock.GetUtcNow()), Copies);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Copies - 1, statuses.Count(s => s == HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task ConcurrentCopiesOfOneToken_WithRedis_ExactlyOneIsAccepted_AcrossReplicas()
    {
        var settings = new Dictionary<string, string?> { ["CdsBone:Auth:ReplayCacheRedis"] = redis.Configuration };
        await using var replicaA = AuthenticatedApp.Create(null, _issuer.Jwks(), settings);
        await using var replicaB = AuthenticatedApp.Create(null, _issuer.Jwks(), settings);
        using var clientA = replicaA.CreateClient();
        using var clientB = replicaB.CreateClient();
        var token = _issuer.Token(AuthenticatedApp.Service, replicaA.Clock.GetUtcNow());

        var race = await Task.WhenAll(AuthenticatedApp.RaceAsync(clientA, token, Copies / 2), AuthenticatedApp.RaceAsync(clientB, token, Copies / 2));
        var statuses = race.SelectMany(s => s).ToList();

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Copies - 1, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        using var fresh = await AuthenticatedApp.PostAsync(clientB, _issuer.Token(AuthenticatedApp.Service, replicaB.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task RedisUnreachable_Is503WithOutcome_AndNotReady()
    {
        // A port nobody listens on: connection refused.
        var settings = new Dictionary<string, string?> { ["CdsBone:Auth:ReplayCacheRedis"] = $"127.0.0.1:{ClosedPort()}" };
        await using var app = AuthenticatedApp.Create(null, _issuer.Jwks(), settings);
        using var client = app.CreateClient();

        using var first = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, app.Clock.GetUtcNow()));
        using var second = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, app.Clock.GetUtcNow()));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        await AssertUnavailable(first);
        await AssertUnavailable(second);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task MemoryStoreFull_RefusesWith503_ThenAcceptsOnceIdsExpire()
    {
        await using var app = AuthenticatedApp.Create(null, _issuer.Jwks(), new() { ["CdsBone:Auth:ReplayCacheMaxEntries"] = "2" });
        using var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();

        using var one = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now));
        using var two = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, now));
        var replayed = _issuer.Token(AuthenticatedApp.Service, now);
        using var three = await AuthenticatedApp.PostAsync(client, replayed);
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        using var later = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, app.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        await AssertUnavailable(three);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task RedisGoesDown_AnswersTurn503_AndReadinessDrops()
    {
        var own = new RedisServer();
        await own.InitializeAsync();
        try
        {
            await using var app = AuthenticatedApp.Create(null, _issuer.Jwks(), new() { ["CdsBone:Auth:ReplayCacheRedis"] = own.Configuration });
            using var client = app.CreateClient();
            using var up = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, app.Clock.GetUtcNow()));
            using var readyUp = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

            own.Stop();
            using var down = await AuthenticatedApp.PostAsync(client, _issuer.Token(AuthenticatedApp.Service, app.Clock.GetUtcNow()));
            using var readyDown = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
            Assert.Equal(HttpStatusCode.OK, readyUp.StatusCode);
            await AssertUnavailable(down);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDown.StatusCode);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private static async Task AssertUnavailable(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var body = await response.ReadJsonAsync();
        Assert.Equal("OperationOutcome", body["resourceType"]!.GetValue<string>());
        Assert.Equal("transient", body["issue"]![0]!["code"]!.GetValue<string>());
    }

    private static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _issuer.Dispose();
}
