using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Units;

/// <summary>How one analyte's values are normalised: the canonical unit and, for mass/molar conversion, the molar mass.</summary>
/// <param name="CanonicalUnit">The UCUM unit every value is converted to (§2, first unit listed).</param>
/// <param name="MolarMassGramsPerMole">Molar mass used to convert between mass and molar units; null forbids that conversion.</param>
public sealed record AnalyteUnitProfile(string CanonicalUnit, decimal? MolarMassGramsPerMole);

/// <summary>The canonical units and molar masses of CLINICAL-RULES.md §2.</summary>
public static class AnalyteUnits
{
    /// <summary>Estradiol, C18H24O2: 272.38 g/mol (pmol/L ÷ 3.671 = pg/mL).</summary>
    public const decimal EstradiolMolarMass = 272.38m;

    /// <summary>Testosterone, C19H28O2: 288.42 g/mol (nmol/L × 28.84 = ng/dL).</summary>
    public const decimal TestosteroneMolarMass = 288.42m;

    /// <summary>Progesterone, C21H30O2: 314.46 g/mol (nmol/L ÷ 3.18 = ng/mL).</summary>
    public const decimal ProgesteroneMolarMass = 314.46m;

    /// <summary>Human serum albumin for unit conversion: 66.5 kDa (§2: umol/L × 0.0665 = g/L).</summary>
    public const decimal AlbuminMolarMass = 66_500m;

    /// <summary>The profile of <paramref name="analyte"/>.</summary>
    public static AnalyteUnitProfile For(Analyte analyte) => analyte switch
    {
        Analyte.Estradiol => new(UcumUnits.PicogramsPerMillilitre, EstradiolMolarMass),
        Analyte.TotalTestosterone => new(UcumUnits.NanogramsPerDecilitre, TestosteroneMolarMass),
        Analyte.FreeTestosterone => new(UcumUnits.PicogramsPerMillilitre, TestosteroneMolarMass),
        Analyte.BioavailableTestosterone => new(UcumUnits.NanogramsPerDecilitre, TestosteroneMolarMass),
        Analyte.PercentFreeTestosterone => new(UcumUnits.Percent, null),
        // SHBG is a glycoprotein of variable mass: mass units are refused unless the lab states a factor (§2).
        Analyte.Shbg => new(UcumUnits.NanomolesPerLitre, null),
        Analyte.Albumin => new(UcumUnits.GramsPerLitre, AlbuminMolarMass),
        Analyte.Ctx => new(UcumUnits.PicogramsPerMillilitre, null),
        Analyte.P1np => new(UcumUnits.MicrogramsPerLitre, null),
        Analyte.Osteocalcin => new(UcumUnits.MicrogramsPerLitre, null),
        Analyte.Progesterone => new(UcumUnits.NanogramsPerMillilitre, ProgesteroneMolarMass),
        Analyte.Lh or Analyte.Fsh or Analyte.Hcg => new(UcumUnits.MilliInternationalUnitsPerMillilitre, null),
        Analyte.HcgQualitative => new(UcumUnits.Dimensionless, null),
        Analyte.Psa => new(UcumUnits.NanogramsPerMillilitre, null),
        Analyte.Hematocrit => new(UcumUnits.Percent, null),
        _ => throw new ArgumentOutOfRangeException(nameof(analyte), analyte, "No unit profile."),
    };

    /// <summary>The canonical unit of a DXA measure.</summary>
    public static string For(DxaMeasure measure) =>
        measure == DxaMeasure.Bmd ? UcumUnits.GramsPerSquareCentimetre : UcumUnits.Dimensionless;
}
