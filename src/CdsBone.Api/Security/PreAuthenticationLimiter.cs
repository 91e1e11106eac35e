using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Security;

/// <summary>
/// The per-IP limit that applies before authentication: each refused token takes a permit from its bucket, and a
/// bucket that is empty gets 429 without its token being checked (no signature check, no key-set fetch, no warning per
/// token). Accepted tokens take nothing, so a busy EHR is never slowed. A bucket is an address AND the issuer the
/// token names when that issuer is trusted (any other name shares one bucket, so names cannot multiply buckets): behind
/// a proxy every caller has the proxy's address, and a flood of junk tokens must not lock out a trusted EHR's.
/// </summary>
public sealed class PreAuthenticationLimiter : IDisposable
{
    private const string OtherIssuer = "-";
    private readonly PartitionedRateLimiter<(IPAddress Address, string Issuer)> _limiter;

    /// <summary>Creates the per-address buckets from <see cref="RateLimitOptions"/>.</summary>
    public PreAuthenticationLimiter(IOptionsMonitor<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limiter = PartitionedRateLimiter.Create<(IPAddress, string), (IPAddress, string)>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            var limits = options.CurrentValue;
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.FailedAuthBurst,
                TokensPerPeriod = limits.FailedAuthPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        }));
    }

    /// <summary>True while a token from <paramref name="address"/> naming <paramref name="trustedIssuer"/> may be checked.</summary>
    public bool MayCheck(IPAddress? address, string? trustedIssuer)
    {
        using var lease = _limiter.AttemptAcquire(Key(address, trustedIssuer), 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts a refused token against its bucket.</summary>
    public void Refused(IPAddress? address, string? trustedIssuer)
    {
        using var lease = _limiter.AttemptAcquire(Key(address, trustedIssuer));
    }

    private static (IPAddress, string) Key(IPAddress? address, string? trustedIssuer) => (address ?? IPAddress.None, trustedIssuer ?? OtherIssuer);

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
