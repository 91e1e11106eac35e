namespace CdsBone.Rules.Facts;

/// <summary>One observation as received and as normalised: what lab and DXA results share.</summary>
public abstract record ResultFact
{
    /// <summary>The FHIR reference, e.g. <c>Observation/123</c>.</summary>
    public required string SourceId { get; init; }

    /// <summary>The code that identified it (LOINC).</summary>
    public required Codes.ClinicalCode Code { get; init; }

    /// <summary>The value in the canonical unit; null when the unit could not be mapped or there was no number.</summary>
    public decimal? Value { get; init; }

    /// <summary>The canonical unit (UCUM) of <see cref="Value"/>.</summary>
    public required string Unit { get; init; }

    /// <summary>The value as received.</summary>
    public decimal? ReceivedValue { get; init; }

    /// <summary>The unit as received (UCUM code, else the unit text), if any.</summary>
    public string? ReceivedUnit { get; init; }

    /// <summary>A bound rather than a value (D3).</summary>
    public Comparator Comparator { get; init; }

    /// <summary>effective[x] (the start of a period); null when absent.</summary>
    public DateTimeOffset? Effective { get; init; }

    /// <summary>Observation.status.</summary>
    public ResultStatus Status { get; init; }

    /// <summary>Why the unit could not be mapped to the canonical one (D2); null when it could.</summary>
    public string? UnitProblem { get; init; }

    /// <summary>True for a bound &lt;x or &lt;=x.</summary>
    public bool IsUpperBound => Comparator is Comparator.LessThan or Comparator.LessOrEqual;

    /// <summary>True for a bound &gt;x or &gt;=x.</summary>
    public bool IsLowerBound => Comparator is Comparator.GreaterThan or Comparator.GreaterOrEqual;
}

/// <summary>A laboratory result.</summary>
public sealed record LabResult : ResultFact
{
    /// <summary>What it measures.</summary>
    public required Analyte Analyte { get; init; }

    /// <summary>The assay class (E2: sensitive or immunoassay).</summary>
    public AssayClass Assay { get; init; }

    /// <summary>True when the assay is sensitive only because the code says so (LOINC 72873-3 without method text).</summary>
    public bool SensitiveByCodeOnly { get; init; }

    /// <summary>The lab's reference ranges, in the canonical unit.</summary>
    public IReadOnlyList<ReferenceRange> ReferenceRanges { get; init; } = [];

    /// <summary>For a qualitative result (hCG presence): positive, negative, or null when not qualitative.</summary>
    public bool? QualitativePositive { get; init; }
}

/// <summary>The skeletal site of a DXA result.</summary>
public enum BoneSite
{
    /// <summary>Lumbar spine (central).</summary>
    LumbarSpine,
    /// <summary>Total hip, either side (central).</summary>
    TotalHip,
    /// <summary>Femoral neck or femur (central).</summary>
    FemoralNeck,
    /// <summary>Forearm, 33 % radius: used only when no central site was measured.</summary>
    Forearm,
}

/// <summary>What a DXA result reports.</summary>
public enum DxaMeasure
{
    /// <summary>T-score (dimensionless).</summary>
    TScore,
    /// <summary>Z-score (dimensionless).</summary>
    ZScore,
    /// <summary>Bone mineral density, g/cm2.</summary>
    Bmd,
}

/// <summary>A DXA (bone densitometry) result.</summary>
public sealed record DxaResult : ResultFact
{
    /// <summary>The site.</summary>
    public required BoneSite Site { get; init; }

    /// <summary>The laterality when the code or body site gave one ("left", "right").</summary>
    public string? Laterality { get; init; }

    /// <summary>T-score, Z-score or BMD.</summary>
    public required DxaMeasure Measure { get; init; }

    /// <summary>The densitometer, when the report names one (A3 compares only like with like).</summary>
    public string? Device { get; init; }

    /// <summary>The facility's least significant change in g/cm2, when the report gives one (A3).</summary>
    public decimal? FacilityLeastSignificantChange { get; init; }
}
