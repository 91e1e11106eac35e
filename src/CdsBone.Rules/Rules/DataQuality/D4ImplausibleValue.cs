using CdsBone.Rules.Evaluation;

namespace CdsBone.Rules.Rules.DataQuality;

/// <summary>D4: a value outside its plausible range after conversion is unusable (a mislabelled unit converts cleanly into nonsense).</summary>
public sealed class D4ImplausibleValue : UnusableResultRule
{
    private static readonly HashSet<IgnoredReason> Reported = [IgnoredReason.Implausible];

    /// <inheritdoc />
    public override RuleId Id => RuleId.D4;

    /// <inheritdoc />
    protected override IReadOnlySet<IgnoredReason> Reasons => Reported;
}
