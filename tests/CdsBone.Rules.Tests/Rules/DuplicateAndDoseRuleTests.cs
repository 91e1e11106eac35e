using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Rules;

/// <summary>Ruleset 2026.12-1: S6 (a second aromatase inhibitor) and A6 (anastrozole above the adjunct dose in a man).</summary>
public sealed class DuplicateAndDoseRuleTests
{
    [Fact]
    public void S6_LetrozoleDraftedWhileOnAnastrozole_DoNotStartWithDeleteDraft()
    {
        var result = FactsBuilder.Man(50).OnAnastrozole().OrderingLetrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var s6 = result.Fired(RuleId.S6);
        Assert.Equal(Recommendation.DoNotStart, s6.Recommendation);
        Assert.Equal(Indicator.Warning, s6.Indicator);
        Assert.Equal("MedicationRequest/t2", Assert.IsType<RemoveDraftOrder>(Assert.Single(s6.Actions)).OrderId);
        Assert.Contains("stop anastrozole (MedicationRequest/t1) first", s6.Advice[0], StringComparison.Ordinal);
        Assert.Equal(Recommendation.DoNotStart, result.Decisions[0].Recommendation);
    }

    [Fact]
    public void S6_RenewalOfTheSameIngredient_IsSilent()
    {
        var result = FactsBuilder.Man(50).OnAnastrozole().OrderingAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.S6);
    }

    [Fact]
    public void S6_InOncologyContext_IsSilent()
    {
        var result = FactsBuilder.Woman(63).OnAnastrozole().OrderingLetrozole().WithCondition(ConditionKind.BreastCancer)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.S6);
        result.Fired(RuleId.T5);
    }

    [Fact]
    public void S6_WithALowEstradiolStop_TheCardStopsTheActiveAiAndDeletesTheDraft()
    {
        var result = FactsBuilder.Man(50).OnAnastrozole().OrderingLetrozole().WithE2(15m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var card = result.Decisions[0];
        Assert.Equal(Recommendation.Stop, card.Recommendation);
        Assert.StartsWith("Stop anastrozole:", card.Summary, StringComparison.Ordinal);
        Assert.Equal([RuleId.S5, RuleId.S6], card.Findings.Select(f => f.RuleId).Take(2));
        Assert.IsType<RemoveDraftOrder>(Assert.Single(card.Actions));
    }

    [Theory]
    [InlineData(0.5, 6, false)] // 3 mg/week: at the limit, not above
    [InlineData(1.0, 7, true)] // 1 mg daily: 7 mg/week
    [InlineData(0.5, 7, true)] // 3.5 mg/week
    public void A6_WeeklyDoseAboveTheLimit_ReducesToTheAdjunctDose(double mg, int timesPerWeek, bool fires)
    {
        var dose = new DoseRegimen((decimal)mg, timesPerWeek, 1m, DosePeriodUnit.Week);
        var result = FactsBuilder.Man(60).OnAnastrozole(dose).WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        Assert.Equal(fires, result.Findings.Any(f => f.RuleId == RuleId.A6));
        if (fires)
        {
            var a6 = result.Fired(RuleId.A6);
            Assert.Equal(Recommendation.ReduceDose, a6.Recommendation);
            var change = Assert.IsType<ChangeDose>(Assert.Single(a6.Actions));
            Assert.Equal(new DoseRegimen(0.5m, 2, 1m, DosePeriodUnit.Week), change.NewDose);
            Assert.False(change.IsDraft);
            Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.N1);
        }
    }

    [Fact]
    public void A6_ThresholdComesFromConfiguration()
    {
        var options = new RuleOptions { MaleAnastrozoleMaxWeeklyMg = 8m };
        var result = FactsBuilder.Man(60).OnAnastrozole(FactsBuilder.OneMgDaily).WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .Evaluate(HookTrigger.PatientView, options);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.A6);
    }

    [Fact]
    public void A6_DraftAtOneMgDaily_UpdatesTheDraft()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole().OrderingAnastrozole(FactsBuilder.OneMgDaily).WithE2(30m, 10)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var change = Assert.IsType<ChangeDose>(Assert.Single(result.Fired(RuleId.A6).Actions));
        Assert.True(change.IsDraft);
        Assert.Equal("MedicationRequest/t2", change.OrderId);
    }

    [Fact]
    public void A6_WithoutAnyUsableEstradiol_StillFires()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole(FactsBuilder.OneMgDaily).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        result.Fired(RuleId.A6);
        result.Fired(RuleId.M1);
    }

    [Fact]
    public void A6_EstradiolAboveTheHighLimit_IsSilent()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole(FactsBuilder.OneMgDaily).WithE2(50m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.A6);
    }

    [Fact]
    public void A6_Woman_IsSilent()
    {
        var result = FactsBuilder.Woman(65).OnAnastrozole(FactsBuilder.OneMgDaily).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.A6);
    }

    [Fact]
    public void A6_UnknownDose_IsSilentAndTheCardSaysItWasNotChecked()
    {
        // E2 22 pg/mL (A1) so that patient-view has a card to carry the note.
        var result = FactsBuilder.Man(60).OnAnastrozole(dose: null, unknownDose: true).WithE2(22m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .Evaluate(HookTrigger.PatientView);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == RuleId.A6);
        Assert.Contains(result.Decisions.SelectMany(d => d.Notes), n => n.Text.Contains("(A6) was not made", StringComparison.Ordinal));
    }

    [Fact]
    public void A6_LetrozoleDraftWhileOnHighDoseAnastrozole_ChecksTheActiveAnastrozole()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole(FactsBuilder.OneMgDaily).OrderingLetrozole().WithE2(30m, 10)
            .WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        var change = Assert.IsType<ChangeDose>(Assert.Single(result.Fired(RuleId.A6).Actions));
        Assert.Equal("MedicationRequest/t1", change.OrderId);
        Assert.False(change.IsDraft);
        result.Fired(RuleId.S6);
    }
}
