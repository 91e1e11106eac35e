namespace CdsBone.Rules.Evaluation;

/// <summary>What one rule concluded, and why.</summary>
public sealed record RuleFinding
{
    /// <summary>The rule.</summary>
    public required RuleId RuleId { get; init; }

    /// <summary>Its recommendation code.</summary>
    public required Recommendation Recommendation { get; init; }

    /// <summary>Its urgency.</summary>
    public required Indicator Indicator { get; init; }

    /// <summary>One sentence under 140 characters naming the decisive value, e.g. "Stop anastrozole: estradiol 14 pg/mL … is below 20 pg/mL".</summary>
    public required string Summary { get; init; }

    /// <summary>The reason in full: one detail line.</summary>
    public required string Reason { get; init; }

    /// <summary>The values it used.</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>What the clinician could do.</summary>
    public IReadOnlyList<SuggestedAction> Actions { get; init; } = [];

    /// <summary>Advice lines without an action (recheck in 4–6 weeks, refer, …).</summary>
    public IReadOnlyList<string> Advice { get; init; } = [];
}
