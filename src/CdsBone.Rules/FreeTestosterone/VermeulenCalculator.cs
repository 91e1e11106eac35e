using CdsBone.Rules.Options;
using CdsBone.Rules.Units;

namespace CdsBone.Rules.FreeTestosterone;

/// <summary>Free and bioavailable testosterone by the Vermeulen mass-action model.</summary>
/// <param name="FreePgMl">Free testosterone, pg/mL.</param>
/// <param name="FreeNmolL">Free testosterone, nmol/L.</param>
/// <param name="PercentFree">Free as a percentage of total.</param>
/// <param name="BioavailableNgDl">Free plus albumin-bound, ng/dL.</param>
public sealed record FreeTestosteroneEstimate(decimal FreePgMl, decimal FreeNmolL, decimal PercentFree, decimal BioavailableNgDl);

/// <summary>
/// Vermeulen A, Verdonck L, Kaufman JM. JCEM 1999;84:3666 [E8] (CLINICAL-RULES.md §3): FT is the positive root of
/// a·FT² + b·FT − TT = 0 with N = 1 + Kat·Alb, a = N·Kt, b = N + Kt·(SHBG − TT), all in mol/L.
/// </summary>
public static class VermeulenCalculator
{
    private const double NanogramsPerDecilitreToGramsPerLitre = 1e-8;
    private const double NanomolesToMoles = 1e-9;
    private const double MolPerLitreToPgPerMlPerGramPerMole = 1e9;
    private const double MolPerLitreToNgPerDlPerGramPerMole = 1e8;
    private const double Percent = 100d;

    /// <summary>Computes free testosterone from total T (ng/dL), SHBG (nmol/L) and albumin (g/L). All must be positive.</summary>
    public static FreeTestosteroneEstimate Calculate(decimal totalNgDl, decimal shbgNmolL, decimal albuminGL)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalNgDl);
        ArgumentOutOfRangeException.ThrowIfNegative(shbgNmolL);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(albuminGL);

        var molarMass = (double)AnalyteUnits.TestosteroneMolarMass;
        var tt = (double)totalNgDl * NanogramsPerDecilitreToGramsPerLitre / molarMass;
        var shbg = (double)shbgNmolL * NanomolesToMoles;
        var albumin = (double)albuminGL / RuleDefaults.VermeulenAlbuminMolarMass;

        var n = 1d + (RuleDefaults.VermeulenKalbLPerMol * albumin);
        var a = n * RuleDefaults.VermeulenKshbgLPerMol;
        var b = n + (RuleDefaults.VermeulenKshbgLPerMol * (shbg - tt));
        var ft = (-b + Math.Sqrt((b * b) + (4d * a * tt))) / (2d * a);

        return new FreeTestosteroneEstimate(
            FreePgMl: (decimal)(ft * molarMass * MolPerLitreToPgPerMlPerGramPerMole),
            FreeNmolL: (decimal)(ft / NanomolesToMoles),
            PercentFree: (decimal)(ft / tt * Percent),
            BioavailableNgDl: (decimal)(ft * n * molarMass * MolPerLitreToNgPerDlPerGramPerMole));
    }
}
