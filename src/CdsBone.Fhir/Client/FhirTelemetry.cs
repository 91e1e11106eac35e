using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CdsBone.Fhir.Client;

/// <summary>
/// The activity source of FHIR call-backs: one span per call, named by resource type only. No patient id, query string
/// or token ever goes into a span name or attribute.
/// </summary>
public static class FhirTelemetry
{
    /// <summary>The ActivitySource name (register it with OpenTelemetry).</summary>
    public const string SourceName = "CdsBone.Fhir";

    /// <summary>The Meter name of FHIR call outcomes (register it with OpenTelemetry).</summary>
    public const string MeterName = "CdsBone.Fhir";

    /// <summary>The HttpRequestMessage option that marks a FHIR call-back, so HTTP instrumentation can redact its URL.</summary>
    public static readonly HttpRequestOptionsKey<bool> FhirCallback = new("cdsbone.fhir-callback");

    internal static ActivitySource Source { get; } = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("cdsbone_fhir_calls", "{call}", "FHIR call-backs by resource type and outcome (ok, the HTTP status, timeout, circuit-open, deadline, unreachable, malformed, too-large).");

    /// <summary>The outcomes of a FHIR call-back other than an HTTP status.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["ok", "timeout", "circuit-open", "deadline", "unreachable", "malformed", "too-large"];

    /// <summary>Creates the series of <paramref name="resourceTypes"/> × <see cref="Outcomes"/> at zero (an alert on a breaker opening needs them before the first call).</summary>
    public static void Baseline(IEnumerable<string> resourceTypes)
    {
        ArgumentNullException.ThrowIfNull(resourceTypes);
        foreach (var resourceType in resourceTypes)
        {
            foreach (var outcome in Outcomes)
            {
                Calls.Add(0, new KeyValuePair<string, object?>("resource_type", resourceType), new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }

    internal static void Call(string resourceType, string outcome) =>
        Calls.Add(1, new KeyValuePair<string, object?>("resource_type", resourceType), new KeyValuePair<string, object?>("outcome", outcome));
}
