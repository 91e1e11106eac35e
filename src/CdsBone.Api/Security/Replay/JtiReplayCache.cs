using System.Security.Cryptography;
using System.Text;

namespace CdsBone.Api.Security.Replay;

/// <summary>
/// Remembers each accepted token's jti until the token expires (CDS Hooks best practice: replay check), in one atomic
/// step so that concurrent copies of a token cannot all pass. In memory by default (bounded), Redis when configured so
/// that replicas share it (<see cref="IJtiReplayStore"/>). Keys are hashes: no token content is stored.
/// </summary>
public sealed class JtiReplayCache(IJtiReplayStore store)
{
    /// <summary>A relative lifetime keeps the entry's expiry independent of which clock the store runs on.</summary>
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(1);

    /// <summary>Remembers (issuer, jti) for <paramref name="lifetime"/> unless it was accepted before.</summary>
    public Task<ReplayVerdict> TryAcceptAsync(string issuer, string jti, TimeSpan lifetime, CancellationToken cancellationToken) =>
        store.TryRememberAsync(Key(issuer, jti), lifetime > MinimumLifetime ? lifetime : MinimumLifetime, cancellationToken);

    private static string Key(string issuer, string jti) =>
        "cdsbone:jti:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}\n{jti}")));
}
