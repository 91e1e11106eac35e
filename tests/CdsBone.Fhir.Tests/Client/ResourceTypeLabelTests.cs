using CdsBone.Fhir.Client;

namespace CdsBone.Fhir.Tests.Client;

/// <summary>FHIR call-backs are labelled (span name, cdsbone_fhir_calls_total) by resource type, never by an id.</summary>
public sealed class ResourceTypeLabelTests
{
    [Theory]
    [InlineData("https://ehr.test/fhir/r4/Patient/V1-trt-high-e2-gynecomastia", "Patient")]
    [InlineData("https://ehr.test/fhir/r4/Patient/Example", "Patient")]
    [InlineData("https://ehr.test/fhir/Observation?patient=V1&code=http://loinc.org|2243-4", "Observation")]
    [InlineData("https://ehr.test/R4/MedicationRequest?patient=P1", "MedicationRequest")]
    [InlineData("https://ehr.test/fhir?_getpages=abc&_getpagesoffset=50", "resource")]
    public void ResourceTypeOf_IsTheResourceTypeSegment(string url, string expected) =>
        Assert.Equal(expected, FhirFetcher.ResourceTypeOf(new Uri(url)));
}
