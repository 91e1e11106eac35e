using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Evaluation;

/// <summary>The outcome of one evaluation: at most three decisions, plus everything behind them.</summary>
public sealed record EvaluationResult
{
    /// <summary>The cards to show, in order: decision, labs, context. Empty when there is nothing to say.</summary>
    public required IReadOnlyList<Decision> Decisions { get; init; }

    /// <summary>Every finding, in rule order.</summary>
    public required IReadOnlyList<RuleFinding> Findings { get; init; }

    /// <summary>Results not used, and why.</summary>
    public required IReadOnlyList<IgnoredResult> Ignored { get; init; }

    /// <summary>Problems met reading the input.</summary>
    public required IReadOnlyList<InputIssue> InputIssues { get; init; }

    /// <summary>Being ordered, on AI, or neither (then the service stays silent).</summary>
    public required AiSituation Situation { get; init; }

    /// <summary>The ruleset version.</summary>
    public required string RulesetVersion { get; init; }

    /// <summary>The rule IDs that fired, in order, without repeats.</summary>
    public IReadOnlyList<RuleId> FiredRuleIds => Findings.Select(f => f.RuleId).Distinct().ToList();
}
