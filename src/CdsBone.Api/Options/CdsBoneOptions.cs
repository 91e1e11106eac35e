using System.ComponentModel.DataAnnotations;

namespace CdsBone.Api.Options;

/// <summary>
/// The service's configuration, section <c>CdsBone</c> (names in ARCHITECTURE.md; environment variables use <c>__</c>,
/// e.g. <c>CdsBone__Limits__MaxRequestBytes</c>). Clinical thresholds are in <c>CdsBone:Rules</c> (<see cref="Rules.Options.RuleOptions"/>).
/// </summary>
public sealed class CdsBoneOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CdsBone";

    /// <summary>Default <see cref="CanonicalBase"/>.</summary>
    public const string DefaultCanonicalBase = "https://cdsbone.example.org/fhir";

    /// <summary>Default <see cref="SourceUrl"/>.</summary>
    public const string DefaultSourceUrl = "https://cdsbone.example.org";

    /// <summary>Default <see cref="Limits"/> body limit: 1 MiB.</summary>
    public const long DefaultMaxRequestBytes = 1024 * 1024;

    /// <summary>The URL clients call (JWT <c>aud</c>); derived from the request when unset (Development).</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Base of CdsBone's CodeSystem URLs (card <c>source.topic</c>, override reasons). Default <see cref="DefaultCanonicalBase"/>.</summary>
    [Required]
    [Url]
    public string CanonicalBase { get; set; } = DefaultCanonicalBase;

    /// <summary>The card <c>source.url</c>: an absolute URL about CdsBone. Default <see cref="DefaultSourceUrl"/>.</summary>
    [Required]
    [Url]
    public string SourceUrl { get; set; } = DefaultSourceUrl;

    /// <summary>Request limits.</summary>
    [Required]
    public LimitOptions Limits { get; set; } = new();

    /// <summary>The whole-hook budget.</summary>
    [Required]
    public HookOptions Hook { get; set; } = new();

    /// <summary>Browser clients allowed by CORS.</summary>
    [Required]
    public CorsOptions Cors { get; set; } = new();

    /// <summary>Per-service settings, keyed by service id (e.g. <c>CdsBone:Services:anastrozole-order-sign:Mode</c>).</summary>
    public Dictionary<string, ServiceOptions> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>The mode of service <paramref name="serviceId"/>: active unless configured.</summary>
    public ServiceMode ModeOf(string serviceId) => Services.TryGetValue(serviceId, out var service) ? service.Mode : ServiceMode.Active;
}

/// <summary>Request limits.</summary>
public sealed class LimitOptions
{
    /// <summary>Largest request body accepted, bytes (413 above). Default 1 MiB.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = CdsBoneOptions.DefaultMaxRequestBytes;
}

/// <summary>The hook call's time budget.</summary>
public sealed class HookOptions
{
    /// <summary>Default <see cref="Deadline"/>: 5 s (the spec's ~500 ms target is for the evaluation; this bounds FHIR call-backs).</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(5);

    /// <summary>Whole-hook budget, FHIR call-backs included (<c>CdsBone:Hook:Deadline</c>). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Deadline { get; set; } = DefaultDeadline;

    /// <summary>Default <see cref="WarmUp"/>: 750 ms, which keeps start to ready within 2 s on two cores (docs/performance.md).</summary>
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromMilliseconds(750);

    /// <summary>
    /// The most time the start-up warm-up may spend repeating the example hook (<c>CdsBone:Hook:WarmUp</c>) before the
    /// service reports ready; it stops sooner once the JIT has nothing left to compile for the hot path. One call is
    /// always made. Repeating lets tiered compilation optimise the hot path before traffic arrives, so that a pod added
    /// in a spike is fast when it is ready (docs/performance.md). Zero: ready as soon as one call has passed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan WarmUp { get; set; } = DefaultWarmUp;
}

/// <summary>CORS for browser-based CDS clients (the reference sandbox is one).</summary>
public sealed class CorsOptions
{
    /// <summary>Allowed origins, e.g. <c>https://sandbox.cds-hooks.org</c>. Empty: none, except any origin in Development.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}

/// <summary>How a CDS service answers (how EHRs roll out a new service).</summary>
public enum ServiceMode
{
    /// <summary>Evaluate and return the cards.</summary>
    Active,
    /// <summary>Evaluate, record the would-be cards in logs and metrics, return no cards.</summary>
    Shadow,
    /// <summary>Do not evaluate; answer <c>{"cards": []}</c>.</summary>
    Off,
}

/// <summary>Settings of one CDS service.</summary>
public sealed class ServiceOptions
{
    /// <summary>Active (default), Shadow or Off.</summary>
    public ServiceMode Mode { get; set; } = ServiceMode.Active;
}
