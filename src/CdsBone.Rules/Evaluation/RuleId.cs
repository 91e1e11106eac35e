namespace CdsBone.Rules.Evaluation;

/// <summary>The rule identifiers of CLINICAL-RULES.md §5; each appears on the cards it leads to.</summary>
public enum RuleId
{
    /// <summary>entered-in-error or cancelled: ignored.</summary>
    D1,
    /// <summary>Unit not mappable, or dated after now: unusable.</summary>
    D2,
    /// <summary>A comparator: evaluated as a bound.</summary>
    D3,
    /// <summary>Implausible after conversion: unusable.</summary>
    D4,
    /// <summary>No usable E2 for a man on or starting an AI.</summary>
    M1,
    /// <summary>The deciding E2 is an immunoassay or an uninformative bound.</summary>
    M2,
    /// <summary>On AI without a DXA in the window.</summary>
    M3,
    /// <summary>Starting an AI without a baseline DXA.</summary>
    M4,
    /// <summary>SHBG or albumin missing: free testosterone not computed.</summary>
    M5,
    /// <summary>Only a pending result: await the final one.</summary>
    M6,
    /// <summary>Pregnancy.</summary>
    S1,
    /// <summary>Premenopausal without ovarian suppression.</summary>
    S2,
    /// <summary>Osteoporosis.</summary>
    S3,
    /// <summary>Male E2 critically low.</summary>
    S4,
    /// <summary>Male E2 low.</summary>
    S5,
    /// <summary>Male E2 low-normal.</summary>
    A1,
    /// <summary>Falling E2 trend.</summary>
    A2,
    /// <summary>BMD fall at or above the least significant change.</summary>
    A3,
    /// <summary>Low bone mass on an AI.</summary>
    A4,
    /// <summary>High bone resorption marker.</summary>
    A5,
    /// <summary>Start may be considered.</summary>
    T1,
    /// <summary>High E2 without the other start criteria.</summary>
    T2,
    /// <summary>Fertility protocol context.</summary>
    T3,
    /// <summary>Woman on testosterone with high E2.</summary>
    T4,
    /// <summary>Oncology context.</summary>
    T5,
    /// <summary>E2 not elevated: no benefit in starting.</summary>
    T6,
    /// <summary>Stable: no change.</summary>
    N1,
    // Ruleset 2026.12-1 appends its rules: card uuids carry rule ids as bit positions, so earlier ids keep theirs.
    /// <summary>A second, different aromatase inhibitor drafted while on one.</summary>
    S6,
    /// <summary>Anastrozole dose above the usual adjunct dose in a man.</summary>
    A6,
}
