using System.Collections.Concurrent;
using CdsBone.Api.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Telemetry;

/// <summary>What the start-up check learned of each remote key set (JwksUri): reachable or not.</summary>
public sealed class KeySourceStatus
{
    private readonly ConcurrentDictionary<string, bool> _reachable = new(StringComparer.Ordinal);

    /// <summary>The key set URLs that could not be fetched at start.</summary>
    public IReadOnlyList<string> Unreachable => [.. _reachable.Where(p => !p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)];

    internal void Record(string url, bool reachable) => _reachable[url] = reachable;
}

/// <summary>
/// Checks the trusted issuers' key sources at start. A <c>JwksPath</c> that is missing, unreadable or not a JWK Set
/// with a signing key stops the start with a message naming it: the file is deployment configuration (a mounted
/// Secret), and without it every token of that EHR would be refused. A <c>JwksUri</c> is fetched once in the
/// background (when <c>CdsBone:Auth:ProbeKeySetsAtStart</c>, default: outside Development, where key sets are often mock
/// servers started after the service): an EHR's endpoint being down is a warning (logged, and reported by /readyz as
/// Degraded) but not a reason to stay down, since the keys are fetched again when a token needs them. The probe is
/// apart from the key cache, so that it never changes when tokens fetch keys.
/// </summary>
internal sealed class KeySourceCheck(
    IOptions<ClientAuthOptions> options, KeySetFetcher fetcher, KeySourceStatus status, IConfiguration configuration, IHostEnvironment environment,
    IHostApplicationLifetime lifetime, ILogger<KeySourceCheck> logger)
    : IHostedService
{
    /// <summary>The configuration key of the remote probe's switch.</summary>
    public const string ProbeKey = "CdsBone:Auth:ProbeKeySetsAtStart";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var issuers = options.Value.Issuers;
        var problems = issuers
            .Select((issuer, index) => (issuer, index))
            .Where(i => !string.IsNullOrWhiteSpace(i.issuer.JwksPath))
            .Select(i => ProblemOf(i.issuer.JwksPath!) is { } problem ? $"{ClientAuthOptions.SectionName}:Issuers:{i.index}:JwksPath ({i.issuer.JwksPath}) {problem}" : null)
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        var remote = issuers.Where(i => !string.IsNullOrWhiteSpace(i.JwksUri)).Select(i => (i.Issuer, Url: i.JwksUri!)).ToList();
        if (remote.Count > 0 && configuration.GetValue(ProbeKey, !environment.IsDevelopment()))
        {
            // Not awaited: a slow or absent EHR endpoint (retries included) must not hold the start.
            _ = Task.Run(() => ProbeAsync(remote, lifetime.ApplicationStopping), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Why the file at <paramref name="path"/> is not a usable key set, or null.</summary>
    internal static string? ProblemOf(string path)
    {
        if (!File.Exists(path))
        {
            return "does not exist";
        }

        try
        {
            return KeySetFetcher.SigningKeys(File.ReadAllText(path)).Count > 0 ? null : "holds no asymmetric signing key with a kid";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Text.Json.JsonException)
        {
            return $"is not a readable JWK Set ({ex.GetType().Name})";
        }
    }

    private async Task ProbeAsync(IReadOnlyList<(string Issuer, string Url)> remote, CancellationToken stopping)
    {
        foreach (var (issuer, url) in remote)
        {
            var reachable = await fetcher.FetchAsync(url, stopping) is { Count: > 0 };
            status.Record(url, reachable);
            if (!reachable && !stopping.IsCancellationRequested)
            {
                Log.KeySetUnreachable(logger, issuer, url);
            }
        }
    }
}

/// <summary>/readyz: Degraded (still ready) while a remote key set could not be fetched at start.</summary>
internal sealed class KeySourceHealthCheck(KeySourceStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Unreachable is { Count: > 0 } unreachable
            ? HealthCheckResult.Degraded($"key set unreachable at start: {string.Join(", ", unreachable)}")
            : HealthCheckResult.Healthy("key sets readable"));
}
