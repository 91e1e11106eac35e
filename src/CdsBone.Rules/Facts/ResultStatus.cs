namespace CdsBone.Rules.Facts;

/// <summary>Observation.status (FHIR R4 ObservationStatus).</summary>
public enum ResultStatus
{
    /// <summary>registered: pending.</summary>
    Registered,
    /// <summary>preliminary: pending.</summary>
    Preliminary,
    /// <summary>final.</summary>
    Final,
    /// <summary>amended.</summary>
    Amended,
    /// <summary>corrected.</summary>
    Corrected,
    /// <summary>cancelled: ignored (D1).</summary>
    Cancelled,
    /// <summary>entered-in-error: ignored (D1).</summary>
    EnteredInError,
    /// <summary>unknown or not sent: not usable.</summary>
    Unknown,
}

/// <summary>valueQuantity.comparator (D3): a bound, not a value.</summary>
public enum Comparator
{
    /// <summary>An exact value.</summary>
    None,
    /// <summary>&lt;x: an upper bound.</summary>
    LessThan,
    /// <summary>&lt;=x: an upper bound.</summary>
    LessOrEqual,
    /// <summary>&gt;x: a lower bound.</summary>
    GreaterThan,
    /// <summary>&gt;=x: a lower bound.</summary>
    GreaterOrEqual,
}

/// <summary>The assay class of a hormone result (§5 Definitions: E2 assay class).</summary>
public enum AssayClass
{
    /// <summary>Not a hormone assay, or not told.</summary>
    NotApplicable,
    /// <summary>LC-MS/MS or another high-sensitivity method.</summary>
    Sensitive,
    /// <summary>An immunoassay (ECLIA, CLIA, …), or an E2 code without sensitive method text (conservative default).</summary>
    Immunoassay,
    /// <summary>Calculated (e.g. Vermeulen free testosterone).</summary>
    Calculated,
}

/// <summary>Who a reference range applies to.</summary>
public enum RangeAppliesTo
{
    /// <summary>No appliesTo: everyone.</summary>
    Anyone,
    /// <summary>Men.</summary>
    Male,
    /// <summary>Women.</summary>
    Female,
    /// <summary>Another population (age band, phase): not used for decisions.</summary>
    Other,
}

/// <summary>A lab's reference range, already converted to the result's canonical unit.</summary>
/// <param name="Low">Lower limit, canonical unit.</param>
/// <param name="High">Upper limit, canonical unit.</param>
/// <param name="AppliesTo">The population it applies to.</param>
public sealed record ReferenceRange(decimal? Low, decimal? High, RangeAppliesTo AppliesTo);
