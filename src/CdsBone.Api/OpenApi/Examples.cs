namespace CdsBone.Api.OpenApi;

/// <summary>Example payloads for the OpenAPI description (abridged from the samples/ requests).</summary>
internal static class Examples
{
    public const string HookRequest = """
        {
          "hook": "order-sign",
          "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
          "context": {
            "userId": "Practitioner/example",
            "patientId": "example",
            "draftOrders": {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "id": "draft-1", "status": "draft", "intent": "order",
              "subject": {"reference": "Patient/example"},
              "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "199224", "display": "anastrozole 1 MG Oral Tablet"}]}}}]}
          },
          "prefetch": {
            "patient": {"resourceType": "Patient", "id": "example", "gender": "male", "birthDate": "1980-05-02"},
            "observations": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "Observation", "id": "e2", "status": "final",
              "code": {"coding": [{"system": "http://loinc.org", "code": "2243-4"}]}, "effectiveDateTime": "2025-05-20T08:30:00Z",
              "valueQuantity": {"value": 14, "unit": "pg/mL", "system": "http://unitsofmeasure.org", "code": "pg/mL"}, "method": {"text": "LC-MS/MS"}}}]},
            "medications": {"resourceType": "Bundle", "type": "searchset", "total": 0},
            "conditions": null
          }
        }
        """;

    public const string HookResponse = """
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
                "effective": "2025-05-20T08:30:00Z", "status": "final", "assay": "lc-ms-ms", "observation": "Observation/e2"}]}}
          }]
        }
        """;

    public const string MissingData = """
        {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "incomplete",
          "diagnostics": "prefetch 'observations' is required and was not provided", "expression": ["prefetch.observations"]}]}
        """;

    public const string Feedback = """
        {"feedback": [{"card": "cb0000a4-0100-8f00-9a3c-5e0d2b7c1f42", "outcome": "overridden",
          "overrideReason": {"reason": {"system": "https://cdsbone.example.org/fhir/CodeSystem/override-reason", "code": "specialist-care"}},
          "outcomeTimestamp": "2025-06-01T10:05:31Z"}]}
        """;

    public const string Discovery = """
        {"services": [{"hook": "order-sign", "title": "Anastrozole and bone health: order sign", "description": "…", "id": "anastrozole-order-sign",
          "prefetch": {"patient": "Patient/{{context.patientId}}"}}]}
        """;
}
