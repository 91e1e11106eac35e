namespace CdsBone.Rules.Facts;

/// <summary>What a lab result measures (CLINICAL-RULES.md §1).</summary>
public enum Analyte
{
    /// <summary>Estradiol (E2), canonical pg/mL.</summary>
    Estradiol,
    /// <summary>Total testosterone, canonical ng/dL.</summary>
    TotalTestosterone,
    /// <summary>Free testosterone, canonical pg/mL.</summary>
    FreeTestosterone,
    /// <summary>Free/total testosterone, percent.</summary>
    PercentFreeTestosterone,
    /// <summary>Bioavailable testosterone, canonical ng/dL.</summary>
    BioavailableTestosterone,
    /// <summary>SHBG, canonical nmol/L.</summary>
    Shbg,
    /// <summary>Albumin, canonical g/L.</summary>
    Albumin,
    /// <summary>Serum CTx, canonical pg/mL.</summary>
    Ctx,
    /// <summary>P1NP, canonical ug/L.</summary>
    P1np,
    /// <summary>Osteocalcin, canonical ug/L.</summary>
    Osteocalcin,
    /// <summary>Progesterone, canonical ng/mL.</summary>
    Progesterone,
    /// <summary>LH, canonical m[IU]/mL.</summary>
    Lh,
    /// <summary>FSH, canonical m[IU]/mL.</summary>
    Fsh,
    /// <summary>Quantitative hCG, canonical m[IU]/mL.</summary>
    Hcg,
    /// <summary>Qualitative hCG (pregnancy test): positive or not.</summary>
    HcgQualitative,
    /// <summary>PSA, canonical ng/mL.</summary>
    Psa,
    /// <summary>Hematocrit, percent.</summary>
    Hematocrit,
}
