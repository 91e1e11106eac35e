using CdsBone.Fhir.Tests.Support;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Fhir.Tests.Patients;

/// <summary>The six visible patients of shared/fixtures/visible, through FHIR mapping and the rules, clock at 2025-06-01.</summary>
public sealed class VisibleFixtureTests
{
    public static IEnumerable<object[]> PatientIds() => Expectations.Load(Paths.VisibleFixtures);

    [Theory]
    [MemberData(nameof(PatientIds))]
    public void Evaluate_VisiblePatient_MeetsExpectedJson(string patientId)
    {
        var input = HookRequestFile.Load(Path.Combine(Paths.VisibleFixtures, $"{patientId}.json"));

        var result = Pipeline.Evaluate(input);

        Expectations.Check(Paths.VisibleFixtures, patientId, result);
    }

    [Fact]
    public void V2_FertilityProtocol_StopsWithDxaAndT3Context()
    {
        var result = Pipeline.Evaluate(HookRequestFile.Load(Path.Combine(Paths.VisibleFixtures, "V2-fertility-protocol-low-e2.json")));

        var stop = Assert.Single(result.Decisions, d => d.Recommendation == Recommendation.Stop);
        Assert.Equal(Indicator.Warning, stop.Indicator);
        Assert.Contains(RuleId.S5, stop.RuleIds);
        Assert.Contains(RuleId.T3, stop.RuleIds);
        Assert.Contains(result.Decisions, d => d.Recommendation == Recommendation.ObtainLabs && d.RuleIds.Contains(RuleId.M3));
        var remove = Assert.IsType<RemoveDraftOrder>(Assert.Single(stop.Actions));
        Assert.Equal("MedicationRequest/V2-fertility-protocol-low-e2-draft-1", remove.OrderId);
        Assert.Contains(stop.Notes, n => n.Text.Contains("by its text", StringComparison.Ordinal));
    }

    [Fact]
    public void V4_FallingTrend_ReducesTheDraftToOnceWeekly()
    {
        var result = Pipeline.Evaluate(HookRequestFile.Load(Path.Combine(Paths.VisibleFixtures, "V4-falling-e2-trend.json")));

        var reduce = Assert.Single(result.Decisions, d => d.Recommendation == Recommendation.ReduceDose);
        var change = Assert.IsType<ChangeDose>(Assert.Single(reduce.Actions));
        Assert.Equal("0.5 mg once weekly", change.NewDose.ToString());
        Assert.Contains("32%", reduce.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void V1_StartConsider_ShowsCalculatedFreeTestosterone()
    {
        var result = Pipeline.Evaluate(HookRequestFile.Load(Path.Combine(Paths.VisibleFixtures, "V1-trt-high-e2-gynecomastia.json")));

        var decision = Assert.Single(result.Decisions, d => d.Kind == DecisionKind.Decision);
        Assert.Equal(Recommendation.StartConsider, decision.Recommendation);
        var freeT = Assert.Single(decision.Evidence, e => e.Status == "calculated");
        Assert.InRange(freeT.Value!.Value, 150m, 350m);
    }
}
