namespace CdsBone.Rules.Evaluation;

/// <summary>The three kinds of card (§5 Precedence and card assembly).</summary>
public enum DecisionKind
{
    /// <summary>The decision card: the highest-ranked decision code.</summary>
    Decision,
    /// <summary>The labs card: every obtain-labs finding.</summary>
    Labs,
    /// <summary>The context card: T5, defer-to-oncology.</summary>
    Context,
}

/// <summary>A line of context on a card, with the rule it comes from when there is one.</summary>
/// <param name="Text">The line.</param>
/// <param name="RuleId">The rule (T3), or null for standing notes.</param>
public sealed record ContextNote(string Text, RuleId? RuleId = null);

/// <summary>A condition or therapy the evaluation read, and how its concept class was recognised.</summary>
/// <param name="Reference">The FHIR reference, e.g. <c>Condition/12</c>.</param>
/// <param name="Recognition">The class, and the value set, rule or text stem that recognised it.</param>
public sealed record ConceptUse(string Reference, Recognition.ConceptRecognition Recognition);

/// <summary>One card's worth of advice: the recommendation, the rules that led to it, their evidence and actions.</summary>
public sealed record Decision
{
    /// <summary>Which card.</summary>
    public required DecisionKind Kind { get; init; }

    /// <summary>The recommendation code (card.source.topic).</summary>
    public required Recommendation Recommendation { get; init; }

    /// <summary>The most severe indicator of the rules it carries.</summary>
    public required Indicator Indicator { get; init; }

    /// <summary>Under 140 characters, naming the decisive value.</summary>
    public required string Summary { get; init; }

    /// <summary>The findings it carries, the deciding one first.</summary>
    public required IReadOnlyList<RuleFinding> Findings { get; init; }

    /// <summary>Every rule it rests on: its findings, context rules, and D1/D3 where they shaped the evidence.</summary>
    public required IReadOnlyList<RuleId> RuleIds { get; init; }

    /// <summary>The values used, de-duplicated.</summary>
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }

    /// <summary>What the clinician could do.</summary>
    public required IReadOnlyList<SuggestedAction> Actions { get; init; }

    /// <summary>Advice lines.</summary>
    public required IReadOnlyList<string> Advice { get; init; }

    /// <summary>Context lines (off-label note, T3, calculated free T, text recognition, …).</summary>
    public required IReadOnlyList<ContextNote> Notes { get; init; }

    /// <summary>Results not used, and why.</summary>
    public required IReadOnlyList<IgnoredResult> Ignored { get; init; }

    /// <summary>The conditions and therapies read, with the value set (or rule, or text) that recognised each.</summary>
    public IReadOnlyList<ConceptUse> Concepts { get; init; } = [];
}
