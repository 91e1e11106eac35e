using CdsBone.Fhir.Tests.Support;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Fhir.Tests.Terminology;

/// <summary>
/// A patient whose condition is coded anywhere in the published lists gets the same advice as one coded with the parent
/// concept, with no help from text (issue: "Stop letrozole" for a breast cancer coded one level below 254837009).
/// </summary>
public sealed class DescendantCodingTests
{
    private const string Snomed = "http://snomed.info/sct";
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    [Theory]
    [InlineData(Snomed, "254837009")]
    [InlineData(Snomed, "353431000119107")] // Primary malignant neoplasm of female left breast
    [InlineData(Icd10Cm, "C50.A1")] // 2024 code in no published expansion: the C50 prefix rule
    [InlineData(Icd10Cm, "Z85.3")]
    public void WomanOnLetrozoleWithOsteoporoticT_DefersToOncology_NotStop(string system, string code)
    {
        var result = Evaluate(Request(female: true, age: 63, rxnorm: "200064", tScore: -2.7m, system, code));

        Assert.Equal(["defer-to-oncology"], Recommendations(result).Where(r => r != "obtain-labs"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.S3);
    }

    [Theory]
    [InlineData(Snomed, "429740004")] // family history: never the oncology context
    [InlineData(Icd10Cm, "C79.81")] // metastasis to the breast from another primary
    public void WomanOnLetrozoleWithNonOncologyBreastCodes_GetsTheBoneStop(string system, string code)
    {
        var result = Evaluate(Request(female: true, age: 63, rxnorm: "200064", tScore: -2.7m, system, code));

        Assert.Contains("stop", Recommendations(result));
        Assert.Contains(result.Findings, f => f.RuleId == RuleId.S3);
    }

    [Theory]
    [InlineData(Snomed, "64859006")]
    [InlineData(Snomed, "11311361000119103")] // secondary osteoporotic fracture of thoracic vertebra
    [InlineData(Icd10Cm, "M80.08XA")]
    public void ManOnAnastrozoleWithOsteoporosisCodedBelowTheParent_Stops(string system, string code)
    {
        var result = Evaluate(Request(female: false, age: 60, rxnorm: "199224", tScore: -1.2m, system, code));

        Assert.Contains(result.Findings, f => f.RuleId == RuleId.S3);
        Assert.Equal("stop", Recommendations(result)[0]);
    }

    [Theory]
    [InlineData(Snomed, "77386006")]
    [InlineData(Snomed, "10231000132102")] // in-vitro fertilization pregnancy
    [InlineData(Icd10Cm, "O09.01")]
    public void WomanWithPregnancyCodedBelowTheParent_Stops(string system, string code)
    {
        var result = Evaluate(Request(female: true, age: 38, rxnorm: "199224", tScore: 0m, system, code));

        Assert.Contains(result.Findings, f => f.RuleId == RuleId.S1);
    }

    private static EvaluationResult Evaluate(string request) => Pipeline.Evaluate(HookRequestFile.Parse(request));

    private static List<string> Recommendations(EvaluationResult result) => result.Decisions.Select(d => d.Recommendation.ToCode()).ToList();

    // Code-only condition (no text, no display): recognition must come from the code.
    private static string Request(bool female, int age, string rxnorm, decimal tScore, string system, string code) => """
        {
          "hook": "order-sign", "hookInstance": "t",
          "context": {"userId": "Practitioner/1", "patientId": "p",
            "draftOrders": {"resourceType": "Bundle", "entry": [{"resource":
              {"resourceType": "MedicationRequest", "id": "draft", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"},
               "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "$RXNORM"}]}}}]}},
          "prefetch": {
            "patient": {"resourceType": "Patient", "id": "p", "gender": "$GENDER", "birthDate": "$BIRTHYEAR-01-01"},
            "observations": {"resourceType": "Bundle", "type": "searchset", "entry": [
              {"resource": {"resourceType": "Observation", "id": "t", "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "38267-1"}]},
                "effectiveDateTime": "2025-03-01T08:00:00Z", "valueQuantity": {"value": $TSCORE, "unit": "1", "system": "http://unitsofmeasure.org", "code": "1"}}},
              {"resource": {"resourceType": "Observation", "id": "e2", "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "72873-3"}]},
                "effectiveDateTime": "2025-05-20T08:00:00Z", "valueQuantity": {"value": 30, "unit": "pg/mL", "system": "http://unitsofmeasure.org", "code": "pg/mL"}}}]},
            "medications": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource":
              {"resourceType": "MedicationRequest", "id": "active", "status": "active", "intent": "order", "subject": {"reference": "Patient/p"},
               "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "$RXNORM"}]}}}]},
            "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource":
              {"resourceType": "Condition", "id": "c", "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
               "subject": {"reference": "Patient/p"}, "code": {"coding": [{"system": "$SYSTEM", "code": "$CODE"}]}}}]}
          }
        }
        """
        .Replace("$RXNORM", rxnorm, StringComparison.Ordinal)
        .Replace("$GENDER", female ? "female" : "male", StringComparison.Ordinal)
        .Replace("$BIRTHYEAR", (2025 - age - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("$TSCORE", tScore.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("$SYSTEM", system, StringComparison.Ordinal)
        .Replace("$CODE", code, StringComparison.Ordinal);
}
