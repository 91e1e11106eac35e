using System.ComponentModel.DataAnnotations;

namespace CdsBone.Api.Security;

/// <summary>Per-client rate limits (<c>CdsBone:RateLimit</c>): a token bucket per authenticated client (issuer and tenant), or per IP.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CdsBone:RateLimit";

    /// <summary>Sustained requests per second per client. Default 100.</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Burst size. Default 200.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 200;

    /// <summary>
    /// Refused tokens per second per IP (and trusted issuer named) before further token checks from there are answered
    /// 429 without a signature check (applied before authentication; accepted tokens cost nothing). Default 5.
    /// </summary>
    [Range(1, 100_000)]
    public int FailedAuthPerSecond { get; set; } = 5;

    /// <summary>Burst of refused tokens per IP. Default 20.</summary>
    [Range(1, 100_000)]
    public int FailedAuthBurst { get; set; } = 20;
}
