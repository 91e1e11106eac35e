using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Picture;

/// <summary>Whether a result may decide anything (§5 Definitions: usable observation).</summary>
public enum Usability
{
    /// <summary>final/amended/corrected, mapped unit, not in the future, plausible.</summary>
    Usable,
    /// <summary>preliminary or registered, otherwise sound: leads only to M6 (and S1 for a positive hCG).</summary>
    Pending,
    /// <summary>Decides nothing; see the reason.</summary>
    Unusable,
}

/// <summary>A result with its screening outcome.</summary>
/// <typeparam name="T">Lab or DXA result.</typeparam>
/// <param name="Result">The result.</param>
/// <param name="Usability">The outcome.</param>
/// <param name="Reason">Why it is not usable, when it is not.</param>
/// <param name="Explanation">The reason in words.</param>
public sealed record Screened<T>(T Result, Usability Usability, IgnoredReason? Reason, string? Explanation)
    where T : ResultFact;
