namespace CdsBone.Rules.Units;

/// <summary>The UCUM codes CdsBone emits (CLINICAL-RULES.md §2). UCUM is case-sensitive.</summary>
public static class UcumUnits
{
    /// <summary>picograms per millilitre.</summary>
    public const string PicogramsPerMillilitre = "pg/mL";
    /// <summary>nanograms per decilitre.</summary>
    public const string NanogramsPerDecilitre = "ng/dL";
    /// <summary>nanograms per millilitre.</summary>
    public const string NanogramsPerMillilitre = "ng/mL";
    /// <summary>nanograms per litre.</summary>
    public const string NanogramsPerLitre = "ng/L";
    /// <summary>nanomoles per litre.</summary>
    public const string NanomolesPerLitre = "nmol/L";
    /// <summary>picomoles per litre.</summary>
    public const string PicomolesPerLitre = "pmol/L";
    /// <summary>micrograms per litre.</summary>
    public const string MicrogramsPerLitre = "ug/L";
    /// <summary>grams per litre.</summary>
    public const string GramsPerLitre = "g/L";
    /// <summary>grams per decilitre.</summary>
    public const string GramsPerDecilitre = "g/dL";
    /// <summary>micromoles per litre.</summary>
    public const string MicromolesPerLitre = "umol/L";
    /// <summary>milli-international units per millilitre.</summary>
    public const string MilliInternationalUnitsPerMillilitre = "m[IU]/mL";
    /// <summary>international units per litre (the same number as m[IU]/mL).</summary>
    public const string InternationalUnitsPerLitre = "[IU]/L";
    /// <summary>grams per square centimetre (BMD).</summary>
    public const string GramsPerSquareCentimetre = "g/cm2";
    /// <summary>percent.</summary>
    public const string Percent = "%";
    /// <summary>dimensionless (T-score, Z-score).</summary>
    public const string Dimensionless = "1";
}
