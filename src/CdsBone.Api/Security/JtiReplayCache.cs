using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace CdsBone.Api.Security;

/// <summary>
/// Remembers each accepted token's jti until the token expires (CDS Hooks best practice: replay check). In memory by
/// default (bounded), Redis when configured so that replicas share it. Keys are hashes: no token content is stored.
/// </summary>
public sealed class JtiReplayCache(IDistributedCache cache)
{
    private static readonly byte[] Seen = [1];

    /// <summary>True when this (issuer, jti) was accepted before.</summary>
    public async Task<bool> WasSeenAsync(string issuer, string jti, CancellationToken cancellationToken) =>
        await cache.GetAsync(Key(issuer, jti), cancellationToken) is not null;

    /// <summary>Remembers (issuer, jti) for <paramref name="lifetime"/> (until the token expires, plus the skew).</summary>
    public Task RememberAsync(string issuer, string jti, TimeSpan lifetime, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(issuer, jti), Seen, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime > MinimumLifetime ? lifetime : MinimumLifetime }, cancellationToken);

    /// <summary>A relative lifetime keeps the entry's expiry independent of which clock the cache runs on.</summary>
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(1);

    private static string Key(string issuer, string jti) =>
        "cdsbone:jti:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}\n{jti}")));
}
