using System.Text.Json;
using CdsBone.Api.TrendView;
using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Serialization;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Options;
using CdsBone.Rules.Picture;

namespace CdsBone.Api.Tests.TrendView;

/// <summary>
/// The series built from FHIR with the hooks' mapper and picture: canonical units, assay class, bounds, usable or not and
/// why, the ruleset's bands, and the courses from the MedicationRequests.
/// </summary>
public sealed class TrendSeriesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_MolarEstradiol_IsConvertedToPicogramsPerMillilitre()
    {
        var charts = Build(Observation("e1", "14715-7", 100m, "pmol/L", "final", "2025-05-01"));

        var point = Assert.Single(Chart(charts, "estradiol").Points);
        Assert.Equal(27.24m, Math.Round(point.Value!.Value, 2));
        Assert.Equal("pg/mL", Chart(charts, "estradiol").Unit);
        Assert.Contains("100 pmol/L", point.Received, StringComparison.Ordinal);
        Assert.True(point.Usable);
    }

    [Fact]
    public void Build_EnteredInErrorAndUnmappableUnit_AreMarkedUnusableWithTheReason()
    {
        var charts = Build(
            Observation("e1", "2243-4", 30m, "pg/mL", "entered-in-error", "2025-04-01"),
            Observation("e2", "2243-4", 30m, "furlongs", "final", "2025-04-15"),
            Observation("e3", "2243-4", 31m, "pg/mL", "final", "2025-05-01"));

        var points = Chart(charts, "estradiol").Points;
        Assert.Equal(3, points.Count);
        Assert.Contains(points, p => !p.Usable && p.Reason!.Contains("entered in error", StringComparison.Ordinal));
        Assert.Contains(points, p => !p.Usable && p.Value is null && p.Reason!.Contains("D2", StringComparison.Ordinal));
        Assert.Single(points, p => p.Usable);
        Assert.Equal(2, Chart(charts, "estradiol").PlottedCount);
    }

    [Fact]
    public void Build_UpperBound_IsABoundNotAValue()
    {
        var charts = Build(Observation("e1", "2243-4", 5m, "pg/mL", "final", "2025-05-01", comparator: "<"));

        Assert.Equal(PointKind.UpperBound, Assert.Single(Chart(charts, "estradiol").Points).Kind);
    }

    [Fact]
    public void Build_MaleEstradiolBands_ComeFromTheActiveRuleset()
    {
        var options = new RuleOptions { MaleEstradiolLowPgMl = 18m };

        var charts = Build(options, Observation("e1", "2243-4", 30m, "pg/mL", "final", "2025-05-01"));

        var bands = Chart(charts, "estradiol").Bands;
        Assert.Equal(4, bands.Count);
        Assert.Contains(bands, b => b.From == options.MaleEstradiolCriticalLowPgMl && b.To == 18m);
        Assert.Contains(bands, b => b.From == options.MaleEstradiolHighPgMl && b.To is null);
        var tScore = Chart(charts, "t-score").Bands;
        Assert.Contains(tScore, b => b.To == options.OsteoporosisTScore);
        Assert.Contains(tScore, b => b.To == options.LowBoneMassTScore);
    }

    [Fact]
    public void Build_Courses_AreDatedFromTheirOrders()
    {
        var charts = Build(Observation("e1", "2243-4", 30m, "pg/mL", "final", "2025-05-01"));

        var course = Assert.Single(Chart(charts, "estradiol").Courses);
        Assert.Equal(Rules.Facts.TherapyClass.AromataseInhibitor, course.Class);
        Assert.Equal(new DateTimeOffset(2024, 11, 13, 0, 0, 0, TimeSpan.Zero), course.Start);
        Assert.Equal("0.5 mg twice weekly", course.Dose);
        Assert.Null(course.End);
    }

    internal static IReadOnlyList<TrendChart> Build(params string[] observations) => Build(new RuleOptions(), observations);

    internal static IReadOnlyList<TrendChart> Build(RuleOptions options, params string[] observations)
    {
        var mapper = new ClinicalFactsMapper(new FhirResourceReader(), new UcumQuantityConverter(), Fhir.Terminology.ValueSetIndex.Shipped());
        var prefetch = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [PrefetchKeys.Patient] = Json("""{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1975-01-01"}"""),
            [PrefetchKeys.Observations] = Json($$"""{"resourceType":"Bundle","type":"searchset","entry":[{{string.Join(",", observations.Select(o => $$"""{"resource":{{o}}}"""))}}]}"""),
            [PrefetchKeys.Medications] = Json("""
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"MedicationRequest","id":"m1","status":"active","intent":"order",
                "subject":{"reference":"Patient/p1"},"authoredOn":"2024-11-13",
                "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"199224","display":"anastrozole 1 MG Oral Tablet"}]},
                "dosageInstruction":[{"timing":{"repeat":{"frequency":2,"period":1,"periodUnit":"wk"}},"doseAndRate":[{"doseQuantity":{"value":0.5,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]}]}}]}
                """),
            [PrefetchKeys.Conditions] = Json("""{"resourceType":"Bundle","type":"searchset"}"""),
        };
        var mapping = mapper.Map(new HookInput(HookTrigger.PatientView, null, [], prefetch));
        var picture = new ClinicalPicture(new EvaluationRequest(HookTrigger.PatientView, mapping.Facts!, Now), options);
        var medications = mapping.Values.Single(v => v.Key == PrefetchKeys.Medications).Resources;
        return TrendSeriesBuilder.Build(picture, TherapyCourses.From(mapping.Facts!.Medications, medications));
    }

    internal static string Observation(string id, string loinc, decimal value, string unit, string status, string date, string? comparator = null)
    {
        var bound = comparator is null ? string.Empty : $",\"comparator\":\"{comparator}\"";
        var number = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $$"""
            {"resourceType":"Observation","id":"{{id}}","status":"{{status}}","subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{date}}",
             "code":{"coding":[{"system":"http://loinc.org","code":"{{loinc}}"}]},
             "valueQuantity":{"value":{{number}},"unit":"{{unit}}","system":"http://unitsofmeasure.org","code":"{{unit}}"{{bound}} } }
            """;
    }

    internal static TrendChart Chart(IReadOnlyList<TrendChart> charts, string id) => Assert.Single(charts, c => c.Id == id);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
