namespace CdsBone.Rules.Options;

/// <summary>The range a converted value must lie in to be believed (D4), inclusive, in the canonical unit.</summary>
/// <param name="Min">Lowest plausible value.</param>
/// <param name="Max">Highest plausible value.</param>
public sealed record PlausibleRange(decimal Min, decimal Max)
{
    /// <summary>True when <paramref name="value"/> is in range.</summary>
    public bool Contains(decimal value) => value >= Min && value <= Max;
}
