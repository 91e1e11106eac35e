using Hl7.Fhir.Model;

namespace CdsBone.Fhir.Mapping;

/// <summary>Reads effective[x] as an instant: dateTime, instant or the start of a period. A partial date counts from its start.</summary>
internal static class FhirDates
{
    public static DateTimeOffset? Effective(DataType? effective) => effective switch
    {
        FhirDateTime dateTime => FromDateTime(dateTime),
        Instant instant => instant.Value,
        Period period => period.StartElement is { } start ? FromDateTime(start) : null,
        _ => null,
    };

    private static DateTimeOffset? FromDateTime(FhirDateTime value) =>
        value.TryToDateTimeOffset(TimeSpan.Zero, out var result) ? result : null;
}
