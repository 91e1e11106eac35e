using CdsBone.Fhir.Tests.Support;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Units;
using CsCheck;

namespace CdsBone.Fhir.Tests.Units;

/// <summary>The conversions of CLINICAL-RULES.md §2, through Fhir.Metrics and the molar masses.</summary>
public sealed class UcumQuantityConverterTests
{
    private static UcumQuantityConverter Converter => Pipeline.Converter;

    [Theory]
    [InlineData(Analyte.Estradiol, "pmol/L", 1, 0.27238)]
    [InlineData(Analyte.Estradiol, "ng/L", 1, 1)]
    [InlineData(Analyte.Estradiol, "pg/mL", 1, 1)]
    [InlineData(Analyte.TotalTestosterone, "nmol/L", 1, 28.842)]
    [InlineData(Analyte.TotalTestosterone, "ng/mL", 1, 100)]
    [InlineData(Analyte.FreeTestosterone, "pmol/L", 1, 0.28842)]
    [InlineData(Analyte.FreeTestosterone, "ng/dL", 1, 10)]
    [InlineData(Analyte.FreeTestosterone, "nmol/L", 1, 288.42)]
    [InlineData(Analyte.Albumin, "g/dL", 4.4, 44)]
    [InlineData(Analyte.Albumin, "umol/L", 1, 0.0665)]
    [InlineData(Analyte.Ctx, "ng/mL", 0.52, 520)]
    [InlineData(Analyte.Ctx, "ug/L", 1, 1000)]
    [InlineData(Analyte.P1np, "ng/mL", 45, 45)]
    [InlineData(Analyte.Progesterone, "nmol/L", 3.18, 1)]
    [InlineData(Analyte.Fsh, "[IU]/L", 40, 40)]
    [InlineData(Analyte.Hcg, "[IU]/L", 25, 25)]
    [InlineData(Analyte.Shbg, "umol/L", 0.028, 28)]
    public void Convert_Section2Table_Agrees(Analyte analyte, string unit, double value, double expected)
    {
        var conversion = Converter.Convert((decimal)value, unit, AnalyteUnits.For(analyte));

        Assert.Null(conversion.Problem);
        Assert.InRange(conversion.Value, (decimal)expected * 0.999m, (decimal)expected * 1.001m);
    }

    [Fact]
    public void Convert_MislabelledMassUnit_ConvertsCleanlyIntoNonsense()
    {
        // §5 D4's example: 2.4 "mg/dL" of estradiol is 24,000,000 pg/mL; the plausibility screen, not the converter, rejects it.
        Assert.Equal(24_000_000m, Converter.Convert(2.4m, "mg/dL", AnalyteUnits.For(Analyte.Estradiol)).Value);
    }

    [Theory]
    [InlineData(Analyte.Shbg, "ug/mL")]
    [InlineData(Analyte.Estradiol, "[IU]/L")]
    [InlineData(Analyte.Fsh, "nmol/L")]
    [InlineData(Analyte.Estradiol, "pg")]
    [InlineData(Analyte.Estradiol, "not-a-unit")]
    [InlineData(Analyte.Ctx, "nmol/L")]
    [InlineData(Analyte.Albumin, "%")]
    public void Convert_UnitThatCannotBeMapped_SaysWhy(Analyte analyte, string unit)
    {
        var conversion = Converter.Convert(10m, unit, AnalyteUnits.For(analyte));

        Assert.NotNull(conversion.Problem);
        Assert.Contains(unit, conversion.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MassMolarRoundTrip_ReturnsTheValue()
    {
        var massProfile = AnalyteUnits.For(Analyte.Estradiol);
        var molarProfile = new AnalyteUnitProfile(UcumUnits.PicomolesPerLitre, AnalyteUnits.EstradiolMolarMass);
        Gen.Int[1, 10_000_000].Select(i => i / 100m).Sample(pgMl =>
        {
            var molar = Converter.Convert(pgMl, UcumUnits.PicogramsPerMillilitre, molarProfile);
            var back = Converter.Convert(molar.Value, UcumUnits.PicomolesPerLitre, massProfile);
            return molar.Problem is null && back.Problem is null && Math.Abs(back.Value - pgMl) <= pgMl * 0.000001m;
        });
    }

    [Fact]
    public void Convert_IsLinear()
    {
        var profile = AnalyteUnits.For(Analyte.TotalTestosterone);
        Gen.Select(Gen.Int[1, 100_000], Gen.OneOf(["nmol/L", "ng/mL", "ng/dL", "pmol/L", "ug/L"])).Sample((hundredths, unit) =>
        {
            var value = hundredths / 100m;
            var one = Converter.Convert(value, unit, profile).Value;
            var two = Converter.Convert(value * 2m, unit, profile).Value;
            return Math.Abs(two - (2m * one)) <= one * 0.000001m;
        });
    }

    [Fact]
    public void Convert_AfterThousandsOfBogusUnits_KnownUnitsAreStillReadFromTheTable()
    {
        // Issue 12: 4,000 distinct bogus units used to fill the cache, after which every uncached pair was parsed again
        // under a process-wide lock for every observation. Known units now come from a table fixed at start.
        var converter = new UcumQuantityConverter();
        var estradiol = AnalyteUnits.For(Analyte.Estradiol);
        for (var i = 0; i < 4_000; i++)
        {
            Assert.NotNull(converter.Convert(1m, $"bogus{i}/L", estradiol).Problem);
        }

        var parsed = converter.ParsedOnDemand;
        foreach (var unit in new[] { "pmol/L", "ng/L", "pg/mL", "ng/dL", "nmol/L", "ug/L", "g/dL", "umol/L", "m[IU]/mL", "[IU]/L", "%", "g/cm2" })
        {
            foreach (var analyte in Enum.GetValues<Analyte>().Where(a => a is not Analyte.HcgQualitative))
            {
                converter.Convert(3m, unit, AnalyteUnits.For(analyte));
            }
        }

        Assert.Equal(parsed, converter.ParsedOnDemand);
        Assert.True(converter.KnownPairs > 100, $"{converter.KnownPairs} pairs");
    }

    [Fact]
    public void Convert_OverlongUnit_IsRefusedWithoutParsing()
    {
        var converter = new UcumQuantityConverter();

        var conversion = converter.Convert(1m, new string('m', 100_000) + "g/L", AnalyteUnits.For(Analyte.Estradiol));

        Assert.NotNull(conversion.Problem);
        Assert.Equal(0, converter.ParsedOnDemand);
    }

    [Theory]
    [InlineData("79228162514264337593543950335", "ng/mL")]
    [InlineData("-79228162514264337593543950335", "g/dL")]
    [InlineData("10000000000000000000000000", "mg/mL")]
    public void Convert_ResultBeyondDecimal_IsAProblemNotAnException(string value, string unit)
    {
        var conversion = Converter.Convert(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, AnalyteUnits.For(Analyte.Estradiol));

        Assert.NotNull(conversion.Problem);
    }
}
