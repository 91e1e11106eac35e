using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Api.Security;

/// <summary>
/// The public keys of trusted issuers: out-of-band sets (file or inline) loaded once, remote sets (JwksUri, or an
/// allow-listed jku) fetched on first use and cached. An unknown kid triggers at most one successful refresh per
/// <see cref="ClientAuthOptions.KeyRefreshInterval"/> per URL (key rotation without letting tokens hammer the EHR).
/// A fetch belongs to no caller: one runs at a time per URL (single flight), under its own timeout
/// (<see cref="ClientAuthOptions.KeyFetchTimeout"/>), so a caller that aborts cannot cancel it, and a failed fetch does
/// not use up the refresh allowance. A caller waits at most that timeout (and never beyond the hook deadline).
/// Holds public keys only.
/// </summary>
public sealed class TrustedKeySets(
    KeySetFetcher fetcher, IOptionsMonitor<ClientAuthOptions> options, IOptionsMonitor<Options.CdsBoneOptions> cdsOptions, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<string, OutOfBandSet> _outOfBand = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RemoteSet> _remote = new(StringComparer.Ordinal);

    /// <summary>The keys to verify a token from <paramref name="issuer"/> with <paramref name="kid"/> (and <paramref name="jku"/> when given).</summary>
    public async Task<(IReadOnlyList<SecurityKey> Keys, AuthFailure? Failure)> KeysForAsync(TrustedIssuer issuer, string kid, string? jku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (jku is not null && !issuer.AllowedJku.Contains(jku, StringComparer.Ordinal))
        {
            return ([], AuthFailure.JkuNotAllowed);
        }

        var local = OutOfBand(issuer, reloadIfChanged: false).Where(k => k.Kid == kid).ToList();
        if (local.Count == 0 && issuer.JwksPath is { Length: > 0 })
        {
            // A rotated key-set file (a Secret mounted without subPath is updated in place) is read again when a token
            // names a kid it does not hold: the file's time stamp says whether it changed, so this costs one stat.
            local = OutOfBand(issuer, reloadIfChanged: true).Where(k => k.Kid == kid).ToList();
        }

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
        var settings = options.CurrentValue;
        if (keys.Count == 0 && set.Refresh(url, fetcher, clock, settings.KeyRefreshInterval, settings.KeyFetchTimeout) is { } refresh)
        {
            var wait = settings.KeyFetchTimeout < cdsOptions.CurrentValue.Hook.Deadline ? settings.KeyFetchTimeout : cdsOptions.CurrentValue.Hook.Deadline;
            try
            {
                await refresh.WaitAsync(wait, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // This caller stops waiting; the fetch goes on for the next one.
                return ([], AuthFailure.KeySetUnavailable);
            }

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

    private IReadOnlyList<JsonWebKey> OutOfBand(TrustedIssuer issuer, bool reloadIfChanged)
    {
        var set = _outOfBand.GetOrAdd(issuer.Issuer, _ => ReadOutOfBand(issuer));
        if (reloadIfChanged && StampOf(issuer.JwksPath) != set.FileStamp)
        {
            set = ReadOutOfBand(issuer);
            _outOfBand[issuer.Issuer] = set;
        }

        return set.Keys;
    }

    private static OutOfBandSet ReadOutOfBand(TrustedIssuer issuer)
    {
        var keys = new List<JsonWebKey>();
        if (!string.IsNullOrWhiteSpace(issuer.Jwks))
        {
            keys.AddRange(KeySetFetcher.SigningKeys(issuer.Jwks));
        }

        var stamp = StampOf(issuer.JwksPath);
        if (stamp is not null)
        {
            keys.AddRange(KeySetFetcher.SigningKeys(File.ReadAllText(issuer.JwksPath!)));
        }

        return new OutOfBandSet(keys, stamp);
    }

    private static DateTime? StampOf(string? path) =>
        !string.IsNullOrWhiteSpace(path) && File.Exists(path) ? File.GetLastWriteTimeUtc(path) : null;

    /// <summary>Keys from configuration and the key-set file, with the file's time stamp when they were read.</summary>
    private sealed record OutOfBandSet(IReadOnlyList<JsonWebKey> Keys, DateTime? FileStamp);

    private sealed class RemoteSet : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly CancellationTokenSource _disposed = new();
        private DateTimeOffset? _lastSuccess;
        private Task? _inFlight;

        public IReadOnlyList<JsonWebKey> Keys { get; private set; } = [];

        public bool EverFetched { get; private set; }

        public void Dispose()
        {
            _disposed.Cancel();
            _disposed.Dispose();
        }

        /// <summary>The running fetch, a new one when allowed, or null when the last success is too recent.</summary>
        public Task? Refresh(string url, KeySetFetcher fetcher, TimeProvider clock, TimeSpan interval, TimeSpan timeout)
        {
            lock (_gate)
            {
                if (_inFlight is { IsCompleted: false } running)
                {
                    return running;
                }

                if (_lastSuccess is { } last && clock.GetUtcNow() - last < interval)
                {
                    return null;
                }

                _inFlight = FetchAsync(url, fetcher, clock, timeout);
                return _inFlight;
            }
        }

        private async Task FetchAsync(string url, KeySetFetcher fetcher, TimeProvider clock, TimeSpan timeout)
        {
            // Off the caller's context and token: the fetch is the set's, not the request's.
            await Task.Yield();
            using var own = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
            own.CancelAfter(timeout);
            if (await fetcher.FetchAsync(url, own.Token) is { } keys)
            {
                Keys = keys;
                EverFetched = true;
                _lastSuccess = clock.GetUtcNow();
            }
        }
    }
}
