using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Tests.Builders;

namespace CdsBone.Rules.Tests.Evaluation;

/// <summary>What the cards say about values: assay labels, limits at clinical precision, the BMD pair behind "no fall".</summary>
public sealed class PresentationTests
{
    [Theory]
    [InlineData(40.857, "40.9")]
    [InlineData(42, "42")]
    [InlineData(740, "740")]
    [InlineData(1015.4, "1015")]
    [InlineData(2.5, "2.5")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.030, "0.03")]
    [InlineData(16.25, "16.3")]
    public void Limit_IsShownAtClinicalPrecision(double value, string shown) => Assert.Equal(shown, Describe.Limit((decimal)value));

    [Fact]
    public void HighSensitivityCodeWithoutMethodText_IsNotCalledLcMsMs()
    {
        var byCode = new LabResult
        {
            SourceId = "Observation/1",
            Code = Loinc.EstradiolSensitive,
            Analyte = Analyte.Estradiol,
            Value = 15m,
            Unit = "pg/mL",
            Effective = FactsBuilder.Now.AddDays(-3),
            Status = ResultStatus.Final,
            Assay = AssayClass.Sensitive,
            SensitiveByCodeOnly = true,
        };
        var byMethod = byCode with { SensitiveByCodeOnly = false };

        Assert.Equal("estradiol 15 pg/mL (high-sensitivity (by code), 3 days ago)", Describe.ValueWithContext(byCode, new ClinicalTime(FactsBuilder.Now)));
        Assert.Equal("high-sensitivity", Describe.Evidence(byCode).Assay);
        Assert.Equal("estradiol 15 pg/mL (LC-MS/MS, 3 days ago)", Describe.ValueWithContext(byMethod, new ClinicalTime(FactsBuilder.Now)));
        Assert.Equal("lc-ms-ms", Describe.Evidence(byMethod).Assay);
    }

    [Fact]
    public void LimitFromALabRange_IsRoundedInTheCard()
    {
        var range = new ReferenceRange(null, 40.857m, RangeAppliesTo.Male);
        var result = FactsBuilder.Man(50).OrderingAnastrozole().WithE2(35m, 10, ranges: [range]).WithTScore(BoneSite.LumbarSpine, 0m, 100).Evaluate();

        Assert.Contains("40.9 pg/mL", result.Fired(RuleId.T6).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("40.857", result.Fired(RuleId.T6).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChange_ShowsTheBmdPairItCompared()
    {
        var result = FactsBuilder.Man(60).OnAnastrozole().WithE2(30m, 10).WithTScore(BoneSite.LumbarSpine, 0m, 100)
            .WithBmd(BoneSite.LumbarSpine, 1.010m, 100).WithBmd(BoneSite.LumbarSpine, 1.020m, 500).Evaluate(HookTrigger.PatientView);

        var bmdRows = result.Fired(RuleId.N1).Evidence.Where(e => e.Analyte == "lumbar spine BMD").ToList();
        Assert.Equal(2, bmdRows.Count);
    }
}
