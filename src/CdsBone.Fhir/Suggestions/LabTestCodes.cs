using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Fhir.Suggestions;

/// <summary>The codes CdsBone orders missing tests with (CLINICAL-RULES.md §6: obtain-labs).</summary>
public static class LabTestCodes
{
    /// <summary>The code and display of <paramref name="test"/>.</summary>
    public static (ClinicalCode Code, string Display) For(LabTest test) => test switch
    {
        LabTest.SensitiveEstradiol => (Loinc.EstradiolSensitive, "Estradiol (E2) [Moles/volume] in Serum or Plasma by High sensitivity method"),
        LabTest.Shbg => (Loinc.ShbgMolar, "Sex hormone binding globulin [Moles/volume] in Serum or Plasma"),
        LabTest.Albumin => (Loinc.Albumin, "Albumin [Mass/volume] in Serum or Plasma"),
        LabTest.Ctx => (Loinc.Ctx, "Collagen crosslinked C-telopeptide [Mass/volume] in Serum or Plasma"),
        LabTest.Dxa => (Snomed.BoneDensityScan, "Bone density scan"),
        LabTest.Fsh => (Loinc.Fsh, "Follitropin [Units/volume] in Serum or Plasma"),
        LabTest.TotalTestosterone => (Loinc.TotalTestosteroneMass, "Testosterone [Mass/volume] in Serum or Plasma"),
        LabTest.Hcg => (Loinc.HcgQuantitative, "Choriogonadotropin [Units/volume] in Serum or Plasma"),
        LabTest.P1np => (Loinc.P1np, "Procollagen type I.N-terminal propeptide [Mass/volume] in Serum or Plasma by Immunoassay"),
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, null),
    };
}
