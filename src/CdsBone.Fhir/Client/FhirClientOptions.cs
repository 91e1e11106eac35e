using System.ComponentModel.DataAnnotations;

namespace CdsBone.Fhir.Client;

/// <summary>
/// How CdsBone calls FHIR servers back for prefetch it was not given (configuration section <c>CdsBone:Fhir</c>).
/// Defaults are named constants; the host validates the bound values.
/// </summary>
public sealed class FhirClientOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CdsBone:Fhir";

    /// <summary>Default per-attempt timeout: 2 s (ARCHITECTURE.md).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Default page cap when following <c>next</c> links.</summary>
    public const int DefaultMaxPages = 10;

    /// <summary>Default response size limit: 8 MiB per page.</summary>
    public const long DefaultMaxResponseBytes = 8L * 1024 * 1024;

    /// <summary>Default <see cref="MaxHookBytes"/>: 16 MiB for all FHIR responses of one hook call.</summary>
    public const long DefaultMaxHookBytes = 16L * 1024 * 1024;

    /// <summary>Default <see cref="MaxHookResources"/>: 20,000 Bundle entries for one hook call.</summary>
    public const int DefaultMaxHookResources = 20_000;

    /// <summary>
    /// Base URLs the service may call and send a token to, e.g. <c>https://ehr.example.org/fhir</c>. A request's
    /// <c>fhirServer</c> must equal one of them or lie under it. https only; http on loopback only in Development.
    /// </summary>
    public IList<string> AllowedServers { get; } = [];

    /// <summary>Call an allowed server without a token when the client sent none (open sandboxes). Default false.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Per-attempt timeout. Default <see cref="DefaultTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Most pages read for one search. Default <see cref="DefaultMaxPages"/>.</summary>
    [Range(1, 100)]
    public int MaxPages { get; set; } = DefaultMaxPages;

    /// <summary>Largest response accepted, bytes. Default <see cref="DefaultMaxResponseBytes"/>.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Most bytes read from FHIR servers for one hook call, all keys and pages together (memory and parse time are
    /// bounded by it, whatever the page size and count). Default <see cref="DefaultMaxHookBytes"/>.
    /// </summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxHookBytes { get; set; } = DefaultMaxHookBytes;

    /// <summary>Most Bundle entries read from FHIR servers for one hook call. Default <see cref="DefaultMaxHookResources"/>.</summary>
    [Range(1, 1_000_000)]
    public int MaxHookResources { get; set; } = DefaultMaxHookResources;

    /// <summary>Retries of idempotent GETs.</summary>
    public FhirRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The circuit breaker, one per FHIR server. It counts only failures of the server itself (5xx, timeouts, connection
    /// errors), never a 401, 403 or 429 that the server gives one client's token, so one client cannot open it for all.
    /// </summary>
    public FhirCircuitBreakerOptions CircuitBreaker { get; set; } = new();
}

/// <summary>Retry settings (jittered exponential backoff; Retry-After honoured; never on 400, 401, 403, 404).</summary>
public sealed class FhirRetryOptions
{
    /// <summary>Retries after the first attempt. Default 2.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base backoff delay. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}

/// <summary>Circuit breaker settings.</summary>
public sealed class FhirCircuitBreakerOptions
{
    /// <summary>Failure ratio that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before it can open. Default 5.</summary>
    [Range(2, 1000)]
    public int MinimumThroughput { get; set; } = 5;

    /// <summary>Sampling window. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long it stays open. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
