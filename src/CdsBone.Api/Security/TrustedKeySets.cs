using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Api.Security;

/// <summary>
/// The public keys of trusted issuers: out-of-band sets (file or inline) loaded once, remote sets (JwksUri, or an
/// allow-listed jku) fetched on first use and cached. An unknown kid triggers at most one refresh per
/// <see cref="ClientAuthOptions.KeyRefreshInterval"/> per URL (key rotation without letting tokens hammer the EHR).
/// Holds public keys only.
/// </summary>
public sealed class TrustedKeySets(KeySetFetcher fetcher, IOptionsMonitor<ClientAuthOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<JsonWebKey>> _outOfBand = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RemoteSet> _remote = new(StringComparer.Ordinal);

    /// <summary>The keys to verify a token from <paramref name="issuer"/> with <paramref name="kid"/> (and <paramref name="jku"/> when given).</summary>
    public async Task<(IReadOnlyList<SecurityKey> Keys, AuthFailure? Failure)> KeysForAsync(TrustedIssuer issuer, string kid, string? jku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (jku is not null && !issuer.AllowedJku.Contains(jku, StringComparer.Ordinal))
        {
            return ([], AuthFailure.JkuNotAllowed);
        }

        var local = OutOfBand(issuer).Where(k => k.Kid == kid).ToList();
        if (local.Count > 0)
        {
            return (local, null);
        }

        var url = jku ?? issuer.JwksUri;
        if (url is null)
        {
            return ([], AuthFailure.UnknownKey);
        }

        var set = _remote.GetOrAdd(url, _ => new RemoteSet());
        var keys = set.Keys.Where(k => k.Kid == kid).ToList();
        if (keys.Count == 0 && set.MayRefresh(clock.GetUtcNow(), options.CurrentValue.KeyRefreshInterval))
        {
            await set.RefreshAsync(() => fetcher.FetchAsync(url, cancellationToken), clock.GetUtcNow(), options.CurrentValue.KeyRefreshInterval);
            keys = set.Keys.Where(k => k.Kid == kid).ToList();
        }

        return keys.Count > 0 ? (keys, null) : ([], set.EverFetched ? AuthFailure.UnknownKey : AuthFailure.KeySetUnavailable);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var set in _remote.Values)
        {
            set.Dispose();
        }
    }

    private IReadOnlyList<JsonWebKey> OutOfBand(TrustedIssuer issuer) => _outOfBand.GetOrAdd(issuer.Issuer, _ =>
    {
        var keys = new List<JsonWebKey>();
        if (!string.IsNullOrWhiteSpace(issuer.Jwks))
        {
            keys.AddRange(KeySetFetcher.SigningKeys(issuer.Jwks));
        }

        if (!string.IsNullOrWhiteSpace(issuer.JwksPath) && File.Exists(issuer.JwksPath))
        {
            keys.AddRange(KeySetFetcher.SigningKeys(File.ReadAllText(issuer.JwksPath)));
        }

        return keys;
    });

    private sealed class RemoteSet : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private DateTimeOffset? _lastAttempt;

        public IReadOnlyList<JsonWebKey> Keys { get; private set; } = [];

        public bool EverFetched { get; private set; }

        public void Dispose() => _gate.Dispose();

        public bool MayRefresh(DateTimeOffset now, TimeSpan interval) => _lastAttempt is not { } last || now - last >= interval;

        public async Task RefreshAsync(Func<Task<IReadOnlyList<JsonWebKey>?>> fetch, DateTimeOffset now, TimeSpan interval)
        {
            await _gate.WaitAsync();
            try
            {
                // Another request may have refreshed while this one waited: one fetch per interval.
                if (!MayRefresh(now, interval))
                {
                    return;
                }

                _lastAttempt = now;
                if (await fetch() is { } keys)
                {
                    Keys = keys;
                    EverFetched = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
