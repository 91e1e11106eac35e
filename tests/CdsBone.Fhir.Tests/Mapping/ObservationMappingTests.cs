using CdsBone.Fhir.Tests.Support;
using CdsBone.Rules.Facts;

namespace CdsBone.Fhir.Tests.Mapping;

/// <summary>Observation JSON → lab and DXA facts, one concern per test.</summary>
public sealed class ObservationMappingTests
{
    private static ClinicalFacts Map(params string[] observations)
    {
        var json = $$"""
        {
          "hook": "patient-view", "hookInstance": "x", "context": {},
          "prefetch": {
            "patient": {"resourceType": "Patient", "id": "p", "gender": "male", "birthDate": "1975-01-01"},
            "observations": {"resourceType": "Bundle", "type": "searchset", "entry": [{{string.Join(",", observations.Select(o => $"{{\"resource\": {o}}}"))}}]},
            "medications": null,
            "conditions": null
          }
        }
        """;
        var mapping = Pipeline.Mapper.Map(HookRequestFile.Parse(json));
        Assert.True(mapping.IsComplete);
        return mapping.Facts!;
    }

    private static string Observation(string code, string value, string extra = "", string status = "final") =>
        $$"""{"resourceType": "Observation", "id": "o-{{code}}", "status": "{{status}}", "code": {"coding": [{"system": "http://loinc.org", "code": "{{code}}"}]}, "effectiveDateTime": "2025-05-01T08:00:00Z", {{value}}{{extra}}}""";

    [Fact]
    public void Map_MolarEstradiol_ConvertsToPgPerMlAndKeepsWhatWasReceived()
    {
        var lab = Assert.Single(Map(Observation("14715-7", """ "valueQuantity": {"value": 62, "unit": "pmol/L", "system": "http://unitsofmeasure.org", "code": "pmol/L"}""",
            """, "method": {"text": "LC-MS/MS"}""")).Labs);

        Assert.Equal(Analyte.Estradiol, lab.Analyte);
        Assert.Equal(16.9m, Math.Round(lab.Value!.Value, 1));
        Assert.Equal("pg/mL", lab.Unit);
        Assert.Equal(62m, lab.ReceivedValue);
        Assert.Equal("pmol/L", lab.ReceivedUnit);
        Assert.Equal(AssayClass.Sensitive, lab.Assay);
    }

    [Theory]
    [InlineData("pg/ml")]
    [InlineData("pg/mL")]
    public void Map_NonUcumSpellingInUnitText_IsMapped(string unit)
    {
        var lab = Assert.Single(Map(Observation("2243-4", $$""" "valueQuantity": {"value": 30, "unit": "{{unit}}"}""")).Labs);

        Assert.Equal(30m, lab.Value);
        Assert.Null(lab.UnitProblem);
    }

    [Fact]
    public void Map_NoUnitAtAll_IsUnusableWithReason()
    {
        var lab = Assert.Single(Map(Observation("2243-4", """ "valueQuantity": {"value": 30}""")).Labs);

        Assert.Null(lab.Value);
        Assert.Contains("no unit", lab.UnitProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Comparator_IsKept()
    {
        var lab = Assert.Single(Map(Observation("2243-4", """ "valueQuantity": {"value": 5, "comparator": "<", "unit": "pg/mL", "system": "http://unitsofmeasure.org", "code": "pg/mL"}""")).Labs);

        Assert.Equal(Comparator.LessThan, lab.Comparator);
        Assert.Equal(5m, lab.Value);
    }

    [Theory]
    [InlineData("entered-in-error", ResultStatus.EnteredInError)]
    [InlineData("preliminary", ResultStatus.Preliminary)]
    [InlineData("amended", ResultStatus.Amended)]
    public void Map_Status_IsKept(string status, ResultStatus expected)
    {
        var lab = Assert.Single(Map(Observation("2243-4", """ "valueQuantity": {"value": 30, "unit": "pg/mL"}""", status: status)).Labs);

        Assert.Equal(expected, lab.Status);
    }

    [Theory]
    [InlineData(""", "note": [{"text": "ECLIA"}]""", AssayClass.Immunoassay)]
    [InlineData(""", "method": {"text": "LC-MS/MS"}, "note": [{"text": "chemiluminescent"}]""", AssayClass.Immunoassay)]
    [InlineData(""", "method": {"text": "Liquid chromatography mass spectrometry (LC/MS)"}""", AssayClass.Sensitive)]
    [InlineData("", AssayClass.Immunoassay)]
    [InlineData(""", "method": {"text": "LC\u002DMS/MS"}""", AssayClass.Sensitive)]
    [InlineData(""", "method": {"text": "Universitätslabor — LC-MS/MS"}""", AssayClass.Sensitive)]
    [InlineData(""", "note": [{"text": "Gerät: Cobas\u00a0ECLIA"}]""", AssayClass.Immunoassay)]
    [InlineData(""", "method": {"coding": [{"system": "http://example.org/methods", "code": "ECLIA"}]}, "note": [{"text": "LC-MS/MS"}]""", AssayClass.Immunoassay)]
    [InlineData(""", "note": [{"text": "Sample received late; reported by the reference laboratory after repeat analysis and dilution checks, as requested by the ordering clinician on the accompanying form; values confirmed on a second aliquot; method: liquid chromatography tandem mass spectrometry (LC-MS/MS)"}]""", AssayClass.Sensitive)]
    public void Map_AssayClass_FollowsMethodAndNoteText(string extra, AssayClass expected)
    {
        var lab = Assert.Single(Map(Observation("2243-4", """ "valueQuantity": {"value": 30, "unit": "pg/mL"}""", extra)).Labs);

        Assert.Equal(expected, lab.Assay);
    }

    [Fact]
    public void Map_SensitiveLoincCode_IsSensitiveWithoutMethod()
    {
        var lab = Assert.Single(Map(Observation("72873-3", """ "valueQuantity": {"value": 110, "unit": "pmol/L", "system": "http://unitsofmeasure.org", "code": "pmol/L"}""")).Labs);

        Assert.Equal(AssayClass.Sensitive, lab.Assay);
    }

    [Fact]
    public void Map_ReferenceRange_IsConvertedWithTheValuesFactor()
    {
        var lab = Assert.Single(Map(Observation("14715-7", """ "valueQuantity": {"value": 100, "unit": "pmol/L", "system": "http://unitsofmeasure.org", "code": "pmol/L"}""",
            """, "referenceRange": [{"low": {"value": 40, "unit": "pmol/L"}, "high": {"value": 150, "unit": "pmol/L"}, "appliesTo": [{"text": "male"}]}, {"high": {"value": 3, "unit": "furlong"}}]""")).Labs);

        var range = Assert.Single(lab.ReferenceRanges);
        Assert.Equal(RangeAppliesTo.Male, range.AppliesTo);
        Assert.Equal(40.9m, Math.Round(range.High!.Value, 1));
    }

    [Theory]
    [InlineData("", RangeAppliesTo.Anyone)]
    [InlineData(""", "appliesTo": []""", RangeAppliesTo.Anyone)]
    [InlineData(""", "appliesTo": [{"coding": [{"system": "http://snomed.info/sct", "code": "248153007"}]}]""", RangeAppliesTo.Male)]
    [InlineData(""", "appliesTo": [{"text": "Women"}]""", RangeAppliesTo.Female)]
    [InlineData(""", "appliesTo": [{"coding": [{"system": "http://snomed.info/sct", "code": "248152002", "display": "Female"}]}, {"text": "MEN"}]""", RangeAppliesTo.Male)]
    [InlineData(""", "appliesTo": [{"text": "adults"}]""", RangeAppliesTo.Other)]
    public void Map_ReferenceRange_AppliesToTheGroupItNames(string appliesTo, RangeAppliesTo expected)
    {
        var lab = Assert.Single(Map(Observation("14715-7", """ "valueQuantity": {"value": 100, "unit": "pmol/L", "system": "http://unitsofmeasure.org", "code": "pmol/L"}""",
            $$""", "referenceRange": [{"low": {"value": 40, "unit": "pmol/L"}{{appliesTo}}}]""")).Labs);

        Assert.Equal(expected, Assert.Single(lab.ReferenceRanges).AppliesTo);
    }

    [Theory]
    [InlineData("""{"value": -1.2, "unit": "T-score", "system": "http://unitsofmeasure.org", "code": "1"}""", true)]
    [InlineData("""{"value": -1.2, "unit": "{T-Score}", "system": "http://unitsofmeasure.org", "code": "{T-Score}"}""", true)]
    [InlineData("""{"value": -1.2, "unit": "{t-score}"}""", true)]
    [InlineData("""{"value": -1.2}""", true)]
    [InlineData("""{"value": -1.2, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}""", false)]
    public void Map_TScoreUnits_AcceptOnlyDimensionless(string quantity, bool usable)
    {
        var dxa = Assert.Single(Map(Observation("38267-1", $$""" "valueQuantity": {{quantity}}""")).Dxa);

        Assert.Equal(usable, dxa.Value is not null);
        Assert.Equal(usable, dxa.UnitProblem is null);
    }

    [Fact]
    public void Map_FemurCodeWithNeckBodySite_IsFemoralNeckWithSide()
    {
        var dxa = Assert.Single(Map(Observation("38263-0", """ "valueQuantity": {"value": -2.1, "unit": "1"}""", """, "bodySite": {"text": "Left femoral neck"}""")).Dxa);

        Assert.Equal(BoneSite.FemoralNeck, dxa.Site);
        Assert.Equal("left", dxa.Laterality);
    }

    [Fact]
    public void Map_BmdWithDeviceAndFacilityLsc_KeepsBoth()
    {
        var dxa = Assert.Single(Map(Observation("24966-4", """ "valueQuantity": {"value": 1.012, "unit": "g/cm2", "system": "http://unitsofmeasure.org", "code": "g/cm2"}""",
            """, "device": {"display": "Hologic Horizon A"}, "note": [{"text": "Facility LSC 0.025 g/cm2 at the spine."}]""")).Dxa);

        Assert.Equal(DxaMeasure.Bmd, dxa.Measure);
        Assert.Equal("Hologic Horizon A", dxa.Device);
        Assert.Equal(0.025m, dxa.FacilityLeastSignificantChange);
    }

    [Fact]
    public void Map_QualitativeHcg_ReadsPositive()
    {
        var lab = Assert.Single(Map(Observation("2106-3", """ "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}]}""")).Labs);

        Assert.True(lab.QualitativePositive);
    }

    [Fact]
    public void Map_UnknownLoinc_IsReportedNotDropped()
    {
        var facts = Map(Observation("1234-5", """ "valueQuantity": {"value": 3, "unit": "mg"}"""));

        Assert.Empty(facts.Labs);
        Assert.Contains(facts.InputIssues, i => i.Location == "Observation/o-1234-5");
    }

    [Fact]
    public void Map_UnparseableValue_IsReportedAndTheValueIsAbsent()
    {
        var facts = Map(Observation("2243-4", """ "valueQuantity": {"value": "abc", "unit": "pg/mL"}"""));

        var lab = Assert.Single(facts.Labs);
        Assert.Null(lab.Value);
        Assert.Contains(facts.InputIssues, i => i.Problem.Contains("decimal", StringComparison.Ordinal) && i.Location == "Observation/o-2243-4.valueQuantity.value");
    }

    [Fact]
    public void Map_UnparseableRangeLimit_IsReportedAtTheLimit()
    {
        var facts = Map(Observation("2243-4", """ "valueQuantity": {"value": 30, "unit": "pg/mL"}""", """, "referenceRange": [{"low": {"value": "x", "unit": "pg/mL"}}]"""));

        Assert.Contains(facts.InputIssues, i => i.Location == "Observation/o-2243-4.referenceRange.low.value");
    }

    [Fact]
    public void Map_PartialDate_CountsFromItsStart()
    {
        var json = Observation("2243-4", """ "valueQuantity": {"value": 30, "unit": "pg/mL"}""").Replace("2025-05-01T08:00:00Z", "2025-05", StringComparison.Ordinal);

        var lab = Assert.Single(Map(json).Labs);

        Assert.Equal(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero), lab.Effective);
    }

    [Fact]
    public void Map_AllLoincCodesOfSection1_AreRecognised()
    {
        var codes = Rules.Recognition.LabCatalog.AllCodes.ToList();

        Assert.Contains(codes, c => c.Code == "2243-4");
        Assert.Contains(codes, c => c.Code == "80948-3");
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.True(codes.Count >= 50);
    }

    [Fact]
    public void Map_EveryObservationStatus_IsRead()
    {
        var observations = new[] { "registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown" }
            .Select(s => Observation("2243-4", """ "valueQuantity": {"value": 30, "unit": "pg/mL"}""", status: s).Replace("o-2243-4", $"o-{s}", StringComparison.Ordinal))
            .ToArray();

        var facts = Map(observations);

        Assert.Equal(
            [ResultStatus.Registered, ResultStatus.Preliminary, ResultStatus.Final, ResultStatus.Amended, ResultStatus.Corrected,
             ResultStatus.Cancelled, ResultStatus.EnteredInError, ResultStatus.Unknown],
            facts.Labs.Select(l => l.Status));
    }
}
