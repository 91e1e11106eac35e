using System.Diagnostics;

namespace CdsBone.Fhir.Client;

/// <summary>
/// The activity source of FHIR call-backs: one span per call, named by resource type only. No patient id, query string
/// or token ever goes into a span name or attribute.
/// </summary>
public static class FhirTelemetry
{
    /// <summary>The ActivitySource name (register it with OpenTelemetry).</summary>
    public const string SourceName = "CdsBone.Fhir";

    internal static ActivitySource Source { get; } = new(SourceName);
}
