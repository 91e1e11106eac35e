using CdsBone.Rules.FreeTestosterone;

namespace CdsBone.Rules.Tests.Evaluation;

public sealed class VermeulenCalculatorTests
{
    [Fact]
    public void Calculate_SiWorkedExample_MatchesIssamReference()
    {
        // CLINICAL-RULES.md §3 example 1: TT 15 nmol/L (432.6 ng/dL), SHBG 40 nmol/L, albumin 45 g/L → FT 0.268 nmol/L = 77.2 pg/mL.
        var estimate = VermeulenCalculator.Calculate(15m * 28.842m, 40m, 45m);

        Assert.Equal(0.268m, Math.Round(estimate.FreeNmolL, 3));
        Assert.Equal(77.2m, Math.Round(estimate.FreePgMl, 1));
        Assert.Equal(1.78m, Math.Round(estimate.PercentFree, 2));
    }

    [Fact]
    public void Calculate_UsUnitsWorkedExample_Matches()
    {
        // §3 example 2: TT 650 ng/dL, SHBG 35 nmol/L, albumin 43 g/L → FT 138 pg/mL, 2.12 % free, bioavailable ≈ 323 ng/dL.
        var estimate = VermeulenCalculator.Calculate(650m, 35m, 43m);

        Assert.Equal(138m, Math.Round(estimate.FreePgMl));
        Assert.Equal(2.12m, Math.Round(estimate.PercentFree, 2));
        Assert.InRange(estimate.BioavailableNgDl, 320m, 326m);
    }

    [Fact]
    public void Calculate_NonPositiveTotal_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VermeulenCalculator.Calculate(0m, 30m, 40m));
    }
}
