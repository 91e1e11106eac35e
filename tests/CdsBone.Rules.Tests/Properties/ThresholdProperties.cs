using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.FreeTestosterone;
using CdsBone.Rules.Options;
using CdsBone.Rules.Tests.Builders;
using CsCheck;

namespace CdsBone.Rules.Tests.Properties;

/// <summary>Properties over large input spaces (CsCheck): thresholds are monotone and every summary fits the CDS Hooks limit.</summary>
public sealed class ThresholdProperties
{
    private static readonly Gen<decimal> Estradiol = Gen.Int[0, 20_000].Select(i => i / 100m);

    [Fact]
    public void MaleSafetyRules_FireExactlyBelowTheirLimits()
    {
        var options = new RuleOptions();
        Estradiol.Sample(e2 =>
        {
            var fired = FactsBuilder.Man().OnAnastrozole().WithE2(e2, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate().FiredRuleIds;
            return fired.Contains(RuleId.S4) == (e2 < options.MaleEstradiolCriticalLowPgMl)
                && fired.Contains(RuleId.S5) == (e2 >= options.MaleEstradiolCriticalLowPgMl && e2 < options.MaleEstradiolLowPgMl)
                && fired.Contains(RuleId.A1) == (e2 >= options.MaleEstradiolLowPgMl && e2 < options.MaleEstradiolLowNormalPgMl)
                && fired.Contains(RuleId.N1) == (e2 >= options.MaleEstradiolLowNormalPgMl);
        }, iter: 400);
    }

    [Fact]
    public void Severity_NeverDecreasesAsEstradiolFalls()
    {
        Gen.Select(Estradiol, Estradiol).Sample((a, b) =>
        {
            var (low, high) = a <= b ? (a, b) : (b, a);
            return Severity(low) >= Severity(high);
        }, iter: 300);

        static Indicator Severity(decimal e2) =>
            FactsBuilder.Man().OnAnastrozole().WithE2(e2, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate().Decisions
                .Where(d => d.Kind == DecisionKind.Decision).Select(d => d.Indicator).DefaultIfEmpty(Indicator.Info).Max();
    }

    [Fact]
    public void StartEvaluation_AlwaysGivesOneDecision()
    {
        Estradiol.Sample(e2 =>
        {
            var result = FactsBuilder.Man().OnTestosterone().OrderingAnastrozole().WithE2(e2, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();
            return result.Decisions.Count(d => d.Kind == DecisionKind.Decision) == 1;
        }, iter: 300);
    }

    [Fact]
    public void Summaries_AreAlwaysUnder140Characters()
    {
        Gen.Select(Estradiol, Gen.Int[-60, 60], Gen.Int[0, 400], Gen.Bool).Sample((e2, tTenths, days, ordering) =>
        {
            var builder = FactsBuilder.Man().OnTestosterone().WithE2(e2, days % 120).WithE2(e2 * 1.5m, days).WithTScore(BoneSite.FemoralNeck, tTenths / 10m, days)
                .WithCtx(e2 * 10m, days % 200);
            builder = ordering ? builder.OrderingAnastrozole() : builder.OnAnastrozole();
            return builder.Evaluate().Decisions.All(d => d.Summary.Length < 140);
        }, iter: 300);
    }

    [Fact]
    public void Vermeulen_FreeTRisesWithTotalAndFallsWithShbg()
    {
        Gen.Select(Gen.Int[50, 2_500], Gen.Int[5, 150], Gen.Int[30, 55]).Sample((tt, shbg, albumin) =>
        {
            var baseline = VermeulenCalculator.Calculate(tt, shbg, albumin).FreePgMl;
            var moreTotal = VermeulenCalculator.Calculate(tt + 10, shbg, albumin).FreePgMl;
            var moreShbg = VermeulenCalculator.Calculate(tt, shbg + 5, albumin).FreePgMl;
            var percent = VermeulenCalculator.Calculate(tt, shbg, albumin).PercentFree;
            return moreTotal > baseline && moreShbg < baseline && percent is > 0m and < 100m;
        });
    }

    [Fact]
    public void ReduceDose_AlwaysLowersTheWeeklyDose()
    {
        Gen.Select(Gen.Int[1, 8], Gen.Int[1, 7], Gen.Int[1, 2]).Sample((halfMg, frequency, weeks) =>
        {
            var current = new DoseRegimen(halfMg / 2m, frequency, weeks, DosePeriodUnit.Week);
            var a1 = FactsBuilder.Man().OnAnastrozole(current).WithE2(22m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate(HookTrigger.PatientView)
                .Findings.Single(f => f.RuleId == RuleId.A1);
            return a1.Actions.OfType<ChangeDose>().All(c => c.NewDose.WeeklyDoseMg < current.WeeklyDoseMg);
        });
    }
}
