using System.ComponentModel.DataAnnotations;

namespace CdsBone.Api.Security;

/// <summary>
/// CDS Hooks client authentication (CDS-HOOKS.md §1.H), section <c>CdsBone:Auth</c>. Each trusted EHR is an issuer
/// with its key set: out of band (<see cref="TrustedIssuer.JwksPath"/> or inline <see cref="TrustedIssuer.Jwks"/>), from
/// <see cref="TrustedIssuer.JwksUri"/>, or from the token's <c>jku</c> when that exact URL is allow-listed.
/// </summary>
public sealed class ClientAuthOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CdsBone:Auth";

    /// <summary>Default clock skew for exp, iat and nbf: 60 s.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>Default interval between key-set refreshes for an unknown kid: 5 min.</summary>
    public static readonly TimeSpan DefaultKeyRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Require a client JWT. Unset means true, except in Development where it means false (a warning is logged at start);
    /// set it to false explicitly to run without authentication elsewhere.
    /// </summary>
    public bool? Required { get; set; }

    /// <summary>Let discovery (GET /cds-services) be called without a token. Default false.</summary>
    public bool AllowAnonymousDiscovery { get; set; }

    /// <summary>Signing algorithms accepted. Default ES384 and RS384 (recommended by CDS Hooks); ES256, RS256, ES512, RS512 may be added.</summary>
    public IList<string> Algorithms { get; } = [];

    /// <summary>Clock skew. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>Minimum time between two fetches of a key set triggered by an unknown kid. Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = DefaultKeyRefreshInterval;

    /// <summary>Default <see cref="KeyFetchTimeout"/>: 2 s.</summary>
    public static readonly TimeSpan DefaultKeyFetchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one key-set fetch may take, and the longest a token check waits for one (never longer than the hook
    /// deadline). Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan KeyFetchTimeout { get; set; } = DefaultKeyFetchTimeout;

    /// <summary>Default <see cref="MaxTokenLifetime"/>: 5 min.</summary>
    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Default <see cref="ReplayCacheMaxEntries"/>: 200,000 (about 14 MiB).</summary>
    public const int DefaultReplayCacheMaxEntries = 200_000;

    /// <summary>
    /// Redis connection string for the jti replay store across replicas; in-memory when unset. Connect and operation
    /// timeouts default to 1 s unless the string sets <c>connectTimeout</c>/<c>asyncTimeout</c>.
    /// </summary>
    public string? ReplayCacheRedis { get; set; }

    /// <summary>
    /// Most token ids the in-memory replay store holds (about 70 bytes each). When full of unexpired ids a token is
    /// refused with 503 rather than an id forgotten. Default 200,000.
    /// </summary>
    [Range(1, 10_000_000)]
    public int ReplayCacheMaxEntries { get; set; } = DefaultReplayCacheMaxEntries;

    /// <summary>
    /// Longest a token may live: exp no later than iat plus this (so that remembered ids expire). Default 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxTokenLifetime { get; set; } = DefaultMaxTokenLifetime;

    /// <summary>The trusted clients.</summary>
    public IList<TrustedIssuer> Issuers { get; } = [];

    /// <summary>The algorithms in force.</summary>
    public IReadOnlyList<string> AllowedAlgorithms => Algorithms.Count > 0 ? [.. Algorithms] : ["ES384", "RS384"];
}

/// <summary>A trusted CDS client (an EHR).</summary>
public sealed class TrustedIssuer
{
    /// <summary>The <c>iss</c> it signs with, e.g. <c>https://sandbox.cds-hooks.org</c>.</summary>
    [Required]
    public string Issuer { get; set; } = string.Empty;

    /// <summary>Where its JWK Set is published (https; http to loopback only in Development).</summary>
    public string? JwksUri { get; set; }

    /// <summary>A JWK Set file exchanged out of band (e.g. a mounted Kubernetes Secret).</summary>
    public string? JwksPath { get; set; }

    /// <summary>A JWK Set given inline, as JSON.</summary>
    public string? Jwks { get; set; }

    /// <summary>The exact <c>jku</c> URLs this issuer may name in its tokens; any other jku is refused.</summary>
    public IList<string> AllowedJku { get; } = [];

    /// <summary>The <c>tenant</c> values accepted from this issuer; when empty, tenant is not checked.</summary>
    public IList<string> Tenants { get; } = [];
}
