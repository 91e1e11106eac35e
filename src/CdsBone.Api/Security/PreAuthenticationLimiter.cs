using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Security;

/// <summary>
/// The per-IP limit that applies before authentication: each refused token takes a permit from its address's bucket,
/// and an address with an empty bucket gets 429 without its token being checked (no signature check, no key-set
/// fetch, no warning per token). Accepted tokens take nothing, so a busy EHR behind one address is never slowed.
/// </summary>
public sealed class PreAuthenticationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter;

    /// <summary>Creates the per-address buckets from <see cref="RateLimitOptions"/>.</summary>
    public PreAuthenticationLimiter(IOptionsMonitor<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ =>
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

    /// <summary>True while <paramref name="address"/> may have a token checked.</summary>
    public bool MayCheck(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(address ?? IPAddress.None, 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts a refused token against <paramref name="address"/>.</summary>
    public void Refused(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(address ?? IPAddress.None);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
