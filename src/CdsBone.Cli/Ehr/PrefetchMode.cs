namespace CdsBone.Cli.Ehr;

/// <summary>How the tool treats the service's prefetch templates.</summary>
internal static class PrefetchMode
{
    /// <summary>Fill every template from the FHIR server, as an EHR that prefetches.</summary>
    public const string Fill = "fill";

    /// <summary>Send none: the service must fetch from fhirServer itself.</summary>
    public const string None = "none";

    public static readonly string[] All = [Fill, None];
}
