using CdsBone.Rules.Rules.Adjustment;
using CdsBone.Rules.Rules.DataQuality;
using CdsBone.Rules.Rules.Monitoring;
using CdsBone.Rules.Rules.Safety;
using CdsBone.Rules.Rules.Stable;
using CdsBone.Rules.Rules.Treatment;

namespace CdsBone.Rules.Evaluation;

/// <summary>
/// The rules of §5 in evaluation order: safety before adjustment before treatment, because T1, T2, T6 and N1 depend on
/// which S- and A-rules fired. D1 and D3 are applied while screening and reading values, and named on the cards.
/// </summary>
public static class RuleSet
{
    /// <summary>The card-producing rules, in order.</summary>
    public static IReadOnlyList<IRule> Rules { get; } =
    [
        new D2UnmappableUnitOrFutureDate(),
        new D4ImplausibleValue(),
        new S1Pregnancy(),
        new S2Premenopausal(),
        new S3Osteoporosis(),
        new S4CriticallyLowEstradiol(),
        new S5LowEstradiol(),
        new S6DuplicateAromataseInhibitor(),
        new A1LowNormalEstradiol(),
        new A2FallingEstradiol(),
        new A3BmdLoss(),
        new A4LowBoneMass(),
        new A5HighBoneResorption(),
        new A6AnastrozoleDoseAboveAdjunct(),
        new T1StartConsider(),
        new T2HighEstradiolCriteriaUnmet(),
        new T4WomanOnTestosteroneHighEstradiol(),
        new T5OncologyContext(),
        new T6EstradiolNotElevated(),
        new M1NoCurrentEstradiol(),
        new M2ImmunoassayEstradiol(),
        new M3NoDxaOnAi(),
        new M4NoBaselineDxa(),
        new M5FreeTestosteroneInputsMissing(),
        new M6PendingResult(),
        new N1NoChange(),
    ];

    /// <summary>Rules that add context lines only.</summary>
    public static IReadOnlyList<IContextRule> ContextRules { get; } = [new T3FertilityProtocol()];
}
