using CdsBone.Fhir.Tests.Support;

namespace CdsBone.Fhir.Tests.Mapping;

/// <summary>Doses as real clients send them (CDS-HOOKS.md §4 quirks): tablet counts, hourly periods, drafts without a medication.</summary>
public sealed class MedicationDoseTests
{
    private const string PatientJson = """{"resourceType": "Patient", "id": "p", "gender": "male", "birthDate": "1970-03-01"}""";

    [Theory]
    [InlineData("199224", "{pill}", 1, 1, "d", 1, "1 mg daily")]
    [InlineData("199224", "{pill}", 1, 12, "h", 1, "1 mg twice daily")]
    [InlineData("84857", "{pill}", 1, 1, "d", 1, null)]
    [InlineData("199224", "mg", 0.5, 1, "wk", 2, "0.5 mg twice weekly")]
    [InlineData("199224", "g", 0.5, 1, "wk", 2, null)]
    public void Map_Dose_UsesTheProductStrengthForTabletCounts(string rxnorm, string unit, double value, int period, string periodUnit, int frequency, string? expected)
    {
        var dose = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value}");
        var medications = $$$"""
            {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order",
              "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "{{{rxnorm}}}"}]},
              "dosageInstruction": [{"timing": {"repeat": {"frequency": {{{frequency}}}, "period": {{{period}}}, "periodUnit": "{{{periodUnit}}}"}}, "doseAndRate": [{"doseQuantity": {"value": {{{dose}}}, "code": "{{{unit}}}"}}]}]}}]}
            """;

        var therapy = Assert.Single(Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": {{medications}} """).Medications);

        Assert.Equal(expected, therapy.Dose?.ToString());
    }

    [Fact]
    public void Map_DraftWithoutMedication_IsNotAnOrderUnderReview()
    {
        var facts = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": null """,
            """{"draftOrders": {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "d1", "status": "draft", "subject": {"reference": "Patient/p"}, "category": {"text": "outpatient"}}}]}}""");

        Assert.Empty(facts.OrdersUnderReview);
    }

    private static Rules.Facts.ClinicalFacts Map(string prefetch, string context = "{}")
    {
        var json = """{"hook": "order-sign", "hookInstance": "x", "context": """ + context + """, "prefetch": {""" + prefetch + "}}";
        var mapping = Pipeline.Mapper.Map(HookRequestFile.Parse(json));
        Assert.True(mapping.IsComplete);
        return mapping.Facts!;
    }
}

public sealed class ContainedMedicationTests
{
    [Fact]
    public void Map_ContainedMedication_IsRecognisedByItsCode()
    {
        const string json = """
            {"hook": "order-sign", "hookInstance": "x", "context": {"draftOrders": {"resourceType": "Bundle", "entry": [{"resource": {
              "resourceType": "MedicationRequest", "id": "d1", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"},
              "contained": [{"resourceType": "Medication", "id": "med", "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "199224"}]}}],
              "medicationReference": {"reference": "#med"}}}]}},
             "prefetch": {"patient": {"resourceType": "Patient", "id": "p", "gender": "male", "birthDate": "1970-01-01"}, "observations": null, "medications": null}}
            """;

        var mapping = Pipeline.Mapper.Map(HookRequestFile.Parse(json));

        var order = Assert.Single(mapping.Facts!.OrdersUnderReview);
        Assert.Equal(Rules.Facts.RecognitionMethod.Code, order.RecognisedBy);
        Assert.Equal("anastrozole", order.Agent);
    }
}
