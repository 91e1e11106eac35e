using System.Collections.Frozen;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Recognition;

/// <summary>Which LOINC code means which analyte or DXA measure (CLINICAL-RULES.md §1).</summary>
public static class LabCatalog
{
    private static readonly FrozenDictionary<ClinicalCode, Analyte> Analytes = new Dictionary<ClinicalCode, Analyte>
    {
        [Loinc.TotalTestosteroneMass] = Analyte.TotalTestosterone,
        [Loinc.TotalTestosteroneMolar] = Analyte.TotalTestosterone,
        [Loinc.FreeTestosteroneMass] = Analyte.FreeTestosterone,
        [Loinc.FreeTestosteroneMolar] = Analyte.FreeTestosterone,
        [Loinc.FreeTestosteroneCalculated] = Analyte.FreeTestosterone,
        [Loinc.FreeTestosteroneMolarSensitive] = Analyte.FreeTestosterone,
        [Loinc.FreeTestosteroneMassSensitive] = Analyte.FreeTestosterone,
        [Loinc.PercentFreeTestosterone] = Analyte.PercentFreeTestosterone,
        [Loinc.BioavailableTestosterone] = Analyte.BioavailableTestosterone,
        [Loinc.EstradiolMass] = Analyte.Estradiol,
        [Loinc.EstradiolMolar] = Analyte.Estradiol,
        [Loinc.EstradiolImmunoassay] = Analyte.Estradiol,
        [Loinc.EstradiolSensitive] = Analyte.Estradiol,
        [Loinc.ShbgMolar] = Analyte.Shbg,
        [Loinc.ShbgMass] = Analyte.Shbg,
        [Loinc.Albumin] = Analyte.Albumin,
        [Loinc.AlbuminBcg] = Analyte.Albumin,
        [Loinc.AlbuminBcp] = Analyte.Albumin,
        [Loinc.AlbuminMolar] = Analyte.Albumin,
        [Loinc.Ctx] = Analyte.Ctx,
        [Loinc.P1np] = Analyte.P1np,
        [Loinc.Osteocalcin] = Analyte.Osteocalcin,
        [Loinc.Progesterone] = Analyte.Progesterone,
        [Loinc.Lh] = Analyte.Lh,
        [Loinc.LhImmunoassay] = Analyte.Lh,
        [Loinc.Fsh] = Analyte.Fsh,
        [Loinc.FshImmunoassay] = Analyte.Fsh,
        [Loinc.HcgQuantitative] = Analyte.Hcg,
        [Loinc.HcgPresenceSerum] = Analyte.HcgQualitative,
        [Loinc.HcgPresenceUrine] = Analyte.HcgQualitative,
        [Loinc.Psa] = Analyte.Psa,
        [Loinc.Hematocrit] = Analyte.Hematocrit,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ClinicalCode, (BoneSite Site, DxaMeasure Measure, string? Side)> DxaCodes =
        new Dictionary<ClinicalCode, (BoneSite, DxaMeasure, string?)>
        {
            [Loinc.Dxa.LumbarSpineT] = (BoneSite.LumbarSpine, DxaMeasure.TScore, null),
            [Loinc.Dxa.LumbarSpineZ] = (BoneSite.LumbarSpine, DxaMeasure.ZScore, null),
            [Loinc.Dxa.LumbarSpineBmd] = (BoneSite.LumbarSpine, DxaMeasure.Bmd, null),
            [Loinc.Dxa.HipT] = (BoneSite.TotalHip, DxaMeasure.TScore, null),
            [Loinc.Dxa.HipZ] = (BoneSite.TotalHip, DxaMeasure.ZScore, null),
            [Loinc.Dxa.HipBmd] = (BoneSite.TotalHip, DxaMeasure.Bmd, null),
            [Loinc.Dxa.HipLeftT] = (BoneSite.TotalHip, DxaMeasure.TScore, "left"),
            [Loinc.Dxa.HipRightT] = (BoneSite.TotalHip, DxaMeasure.TScore, "right"),
            [Loinc.Dxa.HipLeftZ] = (BoneSite.TotalHip, DxaMeasure.ZScore, "left"),
            [Loinc.Dxa.HipRightZ] = (BoneSite.TotalHip, DxaMeasure.ZScore, "right"),
            [Loinc.Dxa.HipLeftBmd] = (BoneSite.TotalHip, DxaMeasure.Bmd, "left"),
            [Loinc.Dxa.HipRightBmd] = (BoneSite.TotalHip, DxaMeasure.Bmd, "right"),
            [Loinc.Dxa.FemurT] = (BoneSite.FemoralNeck, DxaMeasure.TScore, null),
            [Loinc.Dxa.FemurZ] = (BoneSite.FemoralNeck, DxaMeasure.ZScore, null),
            [Loinc.Dxa.FemurBmd] = (BoneSite.FemoralNeck, DxaMeasure.Bmd, null),
            [Loinc.Dxa.FemurLeftT] = (BoneSite.FemoralNeck, DxaMeasure.TScore, "left"),
            [Loinc.Dxa.FemurRightT] = (BoneSite.FemoralNeck, DxaMeasure.TScore, "right"),
            [Loinc.Dxa.FemurLeftZ] = (BoneSite.FemoralNeck, DxaMeasure.ZScore, "left"),
            [Loinc.Dxa.FemurRightZ] = (BoneSite.FemoralNeck, DxaMeasure.ZScore, "right"),
            [Loinc.Dxa.FemurLeftBmd] = (BoneSite.FemoralNeck, DxaMeasure.Bmd, "left"),
            [Loinc.Dxa.FemurRightBmd] = (BoneSite.FemoralNeck, DxaMeasure.Bmd, "right"),
            [Loinc.Dxa.ForearmT] = (BoneSite.Forearm, DxaMeasure.TScore, null),
            [Loinc.Dxa.ForearmZ] = (BoneSite.Forearm, DxaMeasure.ZScore, null),
            [Loinc.Dxa.ForearmBmd] = (BoneSite.Forearm, DxaMeasure.Bmd, null),
        }.ToFrozenDictionary();

    /// <summary>Every LOINC code CdsBone reads, for the <c>observations</c> prefetch template (§6).</summary>
    public static IEnumerable<ClinicalCode> AllCodes => Analytes.Keys.Concat(DxaCodes.Keys);

    /// <summary>The analyte a lab code measures.</summary>
    public static bool TryGetAnalyte(ClinicalCode code, out Analyte analyte) => Analytes.TryGetValue(code, out analyte);

    /// <summary>The site, measure and side of a DXA code.</summary>
    public static bool TryGetDxa(ClinicalCode code, out BoneSite site, out DxaMeasure measure, out string? laterality)
    {
        if (DxaCodes.TryGetValue(code, out var entry))
        {
            (site, measure, laterality) = entry;
            return true;
        }

        (site, measure, laterality) = (default, default, null);
        return false;
    }
}
