namespace CdsBone.Api.OpenApi;

/// <summary>
/// Example payloads for the OpenAPI description (abridged from the samples/ requests) and the start-up warm-up. The lab
/// date is <see cref="LabAge"/> before the moment the example is made, so that "Try it out" gives the documented card
/// on any day rather than one about a result too old to count.
/// </summary>
internal static class Examples
{
    /// <summary>How old the example estradiol result is (the response example says "12 days ago").</summary>
    public static readonly TimeSpan LabAge = TimeSpan.FromDays(12);

    private const string LabDate = "@LAB_DATE@";
    private const string DraftOrders = """
        "draftOrders": {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "draft-1", "status": "draft", "intent": "order",
              "subject": {"reference": "Patient/example"},
              "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "199224", "display": "anastrozole 1 MG Oral Tablet"}]}}}]}
        """;

    // patient-view: the patient already takes anastrozole (otherwise the service has nothing to say when the chart opens).
    private const string ActiveAnastrozole = """
        {"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "ai-1", "status": "active", "intent": "order",
              "subject": {"reference": "Patient/example"}, "authoredOn": "@LAB_DATE@",
              "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "199224", "display": "anastrozole 1 MG Oral Tablet"}]}}}]}
        """;

    private const string NoMedications = """{"resourceType": "Bundle", "type": "searchset", "total": 0}""";

    private const string HookRequestTemplate = """
        {
          "hook": "@HOOK@",
          "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
          "context": {
            "userId": "Practitioner/example",
            "patientId": "example"@CONTEXT@
          },
          "prefetch": {
            "patient": {"resourceType": "Patient", "id": "example", "gender": "male", "birthDate": "1980-05-02"},
            "observations": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "Observation", "id": "e2", "status": "final",
              "code": {"coding": [{"system": "http://loinc.org", "code": "2243-4"}]}, "effectiveDateTime": "@LAB_DATE@",
              "valueQuantity": {"value": 14, "unit": "pg/mL", "system": "http://unitsofmeasure.org", "code": "pg/mL"}, "method": {"text": "LC-MS/MS"}}}]},
            "medications": @MEDICATIONS@,
            "conditions": null
          }
        }
        """;

    /// <summary>The example request of <paramref name="hook"/> (order-sign, order-select or patient-view), its lab result <see cref="LabAge"/> before <paramref name="now"/>.</summary>
    public static string HookRequest(string hook, DateTimeOffset now)
    {
        var context = hook switch
        {
            "order-sign" => ",\n" + DraftOrders,
            "order-select" => ",\n" + DraftOrders + ",\n\"selections\": [\"MedicationRequest/draft-1\"]",
            _ => string.Empty,
        };
        var medications = hook == "patient-view" ? ActiveAnastrozole : NoMedications;
        return Dated(
            HookRequestTemplate.Replace("@HOOK@", hook, StringComparison.Ordinal).Replace("@CONTEXT@", context, StringComparison.Ordinal)
                .Replace("@MEDICATIONS@", medications, StringComparison.Ordinal),
            now);
    }

    /// <summary>The order-sign example's answer, dated as <see cref="HookRequest"/>.</summary>
    public static string HookResponse(DateTimeOffset now) => Dated(HookResponseTemplate, now);

    private const string HookResponseTemplate = """
        {
          "cards": [{
            "uuid": "cb0000a4-0100-8f00-9a3c-5e0d2b7c1f42",
            "summary": "Do not start anastrozole: estradiol 14 pg/mL (LC-MS/MS, 12 days ago) is below 20 pg/mL",
            "detail": "**Why**\n\n- S5: estradiol 14 pg/mL (LC-MS/MS, 12 days ago) is below 20 pg/mL; below the floor male bone needs.",
            "indicator": "warning",
            "source": {"label": "CdsBone — anastrozole and bone health", "url": "https://cdsbone.example.org",
              "topic": {"system": "https://cdsbone.example.org/fhir/CodeSystem/recommendation", "code": "do-not-start", "display": "Do not start the aromatase inhibitor"}},
            "suggestions": [{"label": "Remove the anastrozole order", "uuid": "8d0a6f57-3a53-4c34-9b87-0f3c2a1e9a11", "isRecommended": true,
              "actions": [{"type": "delete", "description": "Remove the anastrozole order (the unsigned draft)", "resourceId": "MedicationRequest/draft-1"}]}],
            "selectionBehavior": "at-most-one",
            "overrideReasons": [{"system": "https://cdsbone.example.org/fhir/CodeSystem/override-reason", "code": "clinician-judgement", "display": "Benefits outweigh risks (clinician judgement)"}],
            "links": [{"label": "Evidence [E5]: Khosla S et al. JCEM 2001;86:3555", "url": "https://pubmed.ncbi.nlm.nih.gov/11502778/", "type": "absolute"}],
            "extension": {"org.cdsbone": {"ruleIds": ["S5", "M4"], "rulesetVersion": "2026.12-1",
              "evidence": [{"analyte": "estradiol", "loinc": "2243-4", "value": 14, "unit": "pg/mL", "receivedValue": 14, "receivedUnit": "pg/mL",
                "effective": "@LAB_DATE@", "status": "final", "assay": "lc-ms-ms", "observation": "Observation/e2"}]}}
          }]
        }
        """;

    public const string MissingData = """
        {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "incomplete",
          "diagnostics": "prefetch 'observations' is required and was not provided", "expression": ["prefetch.observations"]}]}
        """;

    public const string Feedback = """
        {"feedback": [{"card": "cb0000a4-0100-8f00-9a3c-5e0d2b7c1f42", "outcome": "overridden",
          "overrideReason": {"reason": {"system": "https://cdsbone.example.org/fhir/CodeSystem/override-reason", "code": "specialist-care", "display": "Managed by a specialist"}},
          "outcomeTimestamp": "2025-06-01T10:05:31Z"}]}
        """;

    public const string Discovery = """
        {"services": [{"hook": "order-sign", "title": "Anastrozole and bone health: order sign", "description": "…", "id": "anastrozole-order-sign",
          "prefetch": {"patient": "Patient/{{context.patientId}}"}}]}
        """;

    private static string Dated(string template, DateTimeOffset now) =>
        template.Replace(LabDate, (now - LabAge).UtcDateTime.ToString("yyyy-MM-dd'T'08:30:00'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
