using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Tests.Support;
using CdsBone.Rules.Facts;

namespace CdsBone.Fhir.Tests.Mapping;

/// <summary>Prefetch values may be a resource, a Bundle, null, an OperationOutcome or absent (CDS-HOOKS.md §1.D).</summary>
public sealed class PrefetchMappingTests
{
    private const string PatientJson = """{"resourceType": "Patient", "id": "p", "gender": "female", "birthDate": "1960-03-01"}""";
    private const string EmptyBundle = """{"resourceType": "Bundle", "type": "searchset", "total": 0}""";

    private static FactsMapping Map(string prefetch, string context = "{}", string hook = "order-sign") =>
        Pipeline.Mapper.Map(HookRequestFile.Parse(
            $$"""{"hook": "{{hook}}", "hookInstance": "x", "context": {{context}}, "prefetch": """ + "{" + prefetch + "}}"));

    [Fact]
    public void Map_RequiredKeyAbsent_IsMissing()
    {
        var mapping = Map($$""" "patient": {{PatientJson}}, "observations": {{EmptyBundle}} """);

        Assert.False(mapping.IsComplete);
        var missing = Assert.Single(mapping.Missing);
        Assert.Equal(PrefetchKeys.Medications, missing.Key);
        Assert.Equal(PrefetchState.Absent, missing.State);
    }

    [Fact]
    public void Map_OperationOutcomeForRequiredKey_IsMissing()
    {
        var mapping = Map($$""" "patient": {{PatientJson}}, "observations": {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout"}]}, "medications": null """);

        Assert.Equal(PrefetchState.OperationOutcome, Assert.Single(mapping.Missing).State);
        Assert.Contains("OperationOutcome", mapping.Missing[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_NullValues_MeanNoDataNotMissing()
    {
        var mapping = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": null, "conditions": null """);

        Assert.True(mapping.IsComplete);
        Assert.Empty(mapping.Facts!.Labs);
        Assert.Equal(DataAvailability.Available, mapping.Facts.ConditionsAvailability);
    }

    [Fact]
    public void Map_ConditionsAbsent_MakesConditionsUnavailable()
    {
        var mapping = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": null """);

        Assert.Equal(DataAvailability.Unavailable, mapping.Facts!.ConditionsAvailability);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"Patient/1\"")]
    [InlineData("""{"resourceType": "NotAResource"}""")]
    public void Map_UnreadableRequiredValue_IsMissingAndReported(string value)
    {
        var mapping = Map($$""" "patient": {{value}}, "observations": null, "medications": null """);

        Assert.Equal(PrefetchKeys.Patient, Assert.Single(mapping.Missing).Key);
    }

    [Fact]
    public void Map_PatientResourceInsideABundle_IsRead()
    {
        var mapping = Map($$""" "patient": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {{PatientJson}}}]}, "observations": null, "medications": null """);

        Assert.Equal(Sex.Female, mapping.Facts!.Patient.Sex);
        Assert.Equal(new DateOnly(1960, 3, 1), mapping.Facts.Patient.BirthDate);
    }

    [Fact]
    public void Map_PagedBundle_IsReportedAsPartial()
    {
        var mapping = Map($$""" "patient": {{PatientJson}}, "observations": {"resourceType": "Bundle", "type": "searchset", "link": [{"relation": "next", "url": "https://fhir.example.test/Observation?page=2"}]}, "medications": null """);

        Assert.Contains(mapping.Facts!.InputIssues, i => i.Problem.Contains("paged", StringComparison.Ordinal));
        Assert.Equal("https://fhir.example.test/Observation?page=2", mapping.Values.Single(v => v.Key == PrefetchKeys.Observations).NextPage);
    }

    [Fact]
    public void Map_DraftOrdersWithoutTypeOrIntent_AreReadWithoutIssues()
    {
        var mapping = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": null """,
            """{"draftOrders": {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "d1", "status": "draft", "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"text": "anastrozole 1 mg"}}}]}}""");

        var order = Assert.Single(mapping.Facts!.OrdersUnderReview);
        Assert.Equal("MedicationRequest/d1", order.SourceId);
        Assert.Equal(TherapyClass.AromataseInhibitor, order.Class);
        Assert.Equal(RecognitionMethod.Text, order.RecognisedBy);
        Assert.Empty(mapping.Facts.InputIssues);
    }

    [Fact]
    public void Map_OrderSelect_KeepsOnlySelectedOrders()
    {
        const string context = """
            {"selections": ["MedicationRequest/d2"], "draftOrders": {"resourceType": "Bundle", "entry": [
              {"resource": {"resourceType": "MedicationRequest", "id": "d1", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"text": "testosterone cypionate"}}},
              {"resource": {"resourceType": "MedicationRequest", "id": "d2", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "199224"}]}}}]}}
            """;

        var mapping = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": null """, context, "order-select");

        Assert.Equal("MedicationRequest/d2", Assert.Single(mapping.Facts!.OrdersUnderReview).SourceId);
    }

    [Fact]
    public void Map_MedicationDose_IsReadOnlyWhenFullyStated()
    {
        const string medications = """
            {"resourceType": "Bundle", "type": "searchset", "entry": [
              {"resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order", "subject": {"reference": "Patient/p"},
                "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "199224"}]},
                "dosageInstruction": [{"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}, "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}]}},
              {"resource": {"resourceType": "MedicationRequest", "id": "m2", "status": "on-hold", "intent": "order", "subject": {"reference": "Patient/p"},
                "medicationCodeableConcept": {"text": "Letrozole 2.5 mg"}, "dosageInstruction": [{"text": "2.5 mg daily"}]}},
              {"resource": {"resourceType": "MedicationRequest", "id": "m3", "status": "active", "intent": "order", "subject": {"reference": "Patient/p"},
                "medicationCodeableConcept": {"text": "Vitamin D3"}}}]}
            """;

        var facts = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": {{medications}} """).Facts!;

        Assert.Equal(2, facts.Medications.Count);
        Assert.Equal("1 mg daily", facts.Medications[0].Dose!.ToString());
        Assert.Null(facts.Medications[1].Dose);
        Assert.Equal(TherapyStatus.OnHold, facts.Medications[1].Status);
        Assert.Equal("letrozole", facts.Medications[1].Agent);
    }

    [Fact]
    public void Map_Conditions_ByCodeIcdAndText_RefutedDropped()
    {
        const string conditions = """
            {"resourceType": "Bundle", "type": "searchset", "entry": [
              {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p"}, "clinicalStatus": {"coding": [{"code": "resolved"}]}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z85.3"}]}}},
              {"resource": {"resourceType": "Condition", "id": "c2", "subject": {"reference": "Patient/p"}, "code": {"text": "Fragility fracture of wrist"}}},
              {"resource": {"resourceType": "Condition", "id": "c3", "subject": {"reference": "Patient/p"}, "verificationStatus": {"coding": [{"code": "refuted"}]}, "code": {"coding": [{"system": "http://snomed.info/sct", "code": "77386006"}]}}},
              {"resource": {"resourceType": "Condition", "id": "c4", "subject": {"reference": "Patient/p"}, "code": {"text": "Pregnancy test negative"}}}]}
            """;

        var facts = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": null, "conditions": {{conditions}} """).Facts!;

        Assert.Equal(2, facts.Conditions.Count);
        Assert.Equal((ConditionKind.BreastCancer, ConditionClinicalStatus.Inactive), (facts.Conditions[0].Kind, facts.Conditions[0].Status));
        Assert.Equal((ConditionKind.FragilityFracture, RecognitionMethod.Text, true), (facts.Conditions[1].Kind, facts.Conditions[1].RecognisedBy, facts.Conditions[1].IsActive));
    }

    [Fact]
    public void Map_PatientWithoutGenderOrBirthDate_ReportsBoth()
    {
        var facts = Map(""" "patient": {"resourceType": "Patient", "id": "p"}, "observations": null, "medications": null """).Facts!;

        Assert.Equal(Sex.Unknown, facts.Patient.Sex);
        Assert.Equal(2, facts.InputIssues.Count(i => i.Location == "Patient/p"));
    }

    [Theory]
    [InlineData("\"gender\": \"M\", \"birthDate\": \"1970\"", "Patient/p.gender")]
    [InlineData("\"gender\": 1, \"birthDate\": \"1970\"", "Patient/p.gender")]
    public void Map_PatientGenderThatIsNotACode_IsReportedAndUnknown(string elements, string location)
    {
        var facts = Map($$""" "patient": {"resourceType": "Patient", "id": "p", {{elements}}}, "observations": null, "medications": null """).Facts!;

        Assert.Equal(Sex.Unknown, facts.Patient.Sex);
        Assert.Equal(new DateOnly(1970, 1, 1), facts.Patient.BirthDate);
        Assert.Contains(facts.InputIssues, i => i.Location == location);
    }

    [Theory]
    [InlineData("1970-02-30")]
    [InlineData("1970-02-03T10:00:00Z")]
    [InlineData("19700203")]
    public void Map_PatientBirthDateThatIsNotAFhirDate_IsUnreadable(string birthDate)
    {
        var facts = Map($$""" "patient": {"resourceType": "Patient", "id": "p", "gender": "male", "birthDate": "{{birthDate}}"}, "observations": null, "medications": null """).Facts!;

        Assert.Null(facts.Patient.BirthDate);
        Assert.Contains(facts.InputIssues, i => i.Location == "Patient/p" && i.Problem.Contains("birthDate", StringComparison.Ordinal));
    }

    [Fact]
    public void Map_MedicationStatusThatIsNotACode_IsReportedAndUnknown()
    {
        const string medications = """
            {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "running",
              "medicationCodeableConcept": {"text": "anastrozole 1 mg tablet"}}}]}
            """;

        var facts = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": {{medications}} """).Facts!;

        Assert.Equal(TherapyStatus.Unknown, Assert.Single(facts.Medications).Status);
        Assert.Contains(facts.InputIssues, i => i.Location == "MedicationRequest/m1.status");
    }

    [Fact]
    public void Map_DoseBeyondDecimalArithmetic_IsUnknownNotAFailure()
    {
        const string medications = """
            {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "active",
              "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "199224"}]},
              "dosageInstruction": [{"timing": {"repeat": {"frequency": 2147483647, "period": 0.0000000000000000000000000001, "periodUnit": "h"}},
                "doseAndRate": [{"doseQuantity": {"value": 79228162514264337593543950335, "code": "{pill}"}}]}]}}]}
            """;

        var facts = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": {{medications}} """).Facts!;

        var therapy = Assert.Single(facts.Medications);
        Assert.Equal("anastrozole", therapy.Agent);
        Assert.Null(therapy.Dose);
    }

    [Fact]
    public void Map_BundleEntriesOfOtherTypes_AreSkipped()
    {
        const string conditions = """
            {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Observation", "id": "o1"}},
              {"resource": {"resourceType": "Condition", "id": "c1", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "254837009"}]}}}]}
            """;

        var facts = Map($$""" "patient": {{PatientJson}}, "observations": null, "medications": null, "conditions": {{conditions}} """).Facts!;

        Assert.Equal("Condition/c1", Assert.Single(facts.Conditions).SourceId);
    }
}
