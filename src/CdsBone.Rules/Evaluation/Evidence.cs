using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Evaluation;

/// <summary>One value a rule used, as received and as normalised: the row of a card's evidence table.</summary>
/// <param name="Analyte">What it is, e.g. <c>estradiol</c>, <c>lumbar spine T-score</c>.</param>
/// <param name="Code">The code it came with, when it came from an observation.</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The canonical unit.</param>
/// <param name="Comparator">A bound, when the value is one (D3).</param>
/// <param name="ReceivedValue">The value as received.</param>
/// <param name="ReceivedUnit">The unit as received.</param>
/// <param name="Effective">When it was measured.</param>
/// <param name="Status">Observation status, e.g. <c>final</c>; <c>calculated</c> for a derived value.</param>
/// <param name="Assay">Assay class, e.g. <c>lc-ms-ms</c>, <c>immunoassay</c>; null when not a hormone assay.</param>
/// <param name="Source">The FHIR reference, e.g. <c>Observation/123</c>.</param>
/// <param name="DerivedFrom">The references a calculated value came from.</param>
public sealed record EvidenceItem(
    string Analyte,
    ClinicalCode? Code,
    decimal? Value,
    string Unit,
    Comparator Comparator,
    decimal? ReceivedValue,
    string? ReceivedUnit,
    DateTimeOffset? Effective,
    string Status,
    string? Assay,
    string? Source,
    IReadOnlyList<string>? DerivedFrom = null);

/// <summary>Why a result decided nothing.</summary>
public enum IgnoredReason
{
    /// <summary>entered-in-error (D1).</summary>
    EnteredInError,
    /// <summary>cancelled (D1).</summary>
    Cancelled,
    /// <summary>The unit does not map to the canonical unit (D2).</summary>
    UnmappableUnit,
    /// <summary>Dated after now (D2).</summary>
    FutureDate,
    /// <summary>No effective date: its age cannot be told.</summary>
    NoDate,
    /// <summary>No numeric value.</summary>
    NoValue,
    /// <summary>Outside its plausible range after conversion (D4).</summary>
    Implausible,
    /// <summary>preliminary or registered: pending (M6).</summary>
    Pending,
    /// <summary>Status unknown.</summary>
    UnknownStatus,
    /// <summary>Older than the rule's look-back window.</summary>
    Stale,
    /// <summary>Usable, but a later result of the same analyte decides.</summary>
    Superseded,
    /// <summary>An immunoassay estradiol while a sensitive one decides.</summary>
    OtherAssayDecides,
    /// <summary>A forearm DXA result while central sites were measured.</summary>
    ForearmNotUsed,
    /// <summary>A DXA result of an earlier study than the latest.</summary>
    EarlierStudy,
    /// <summary>Usable, but no rule that applied needed it.</summary>
    NotNeeded,
}

/// <summary>A result that was not used, and why: listed in the card's detail (§5 Definitions).</summary>
/// <param name="Evidence">The result.</param>
/// <param name="Reason">Why it was not used.</param>
/// <param name="RuleId">The rule that set it aside (D1, D2, D4, M6), if any.</param>
/// <param name="Explanation">The reason in words, e.g. the unit that could not be mapped.</param>
public sealed record IgnoredResult(EvidenceItem Evidence, IgnoredReason Reason, RuleId? RuleId, string Explanation);
