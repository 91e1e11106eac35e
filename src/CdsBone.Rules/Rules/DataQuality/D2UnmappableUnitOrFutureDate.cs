using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.DataQuality;

/// <summary>D2: a unit that does not map to the canonical unit, or a date after now, makes a result unusable (§2, §5).</summary>
public sealed class D2UnmappableUnitOrFutureDate : UnusableResultRule
{
    private static readonly HashSet<IgnoredReason> Reported = [IgnoredReason.UnmappableUnit, IgnoredReason.FutureDate];

    /// <inheritdoc />
    public override RuleId Id => RuleId.D2;

    /// <inheritdoc />
    protected override IReadOnlySet<IgnoredReason> Reasons => Reported;
}
