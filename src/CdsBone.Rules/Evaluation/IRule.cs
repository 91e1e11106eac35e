namespace CdsBone.Rules.Evaluation;

/// <summary>One rule of CLINICAL-RULES.md §5: a pure function of the context. No I/O, no clock, no exceptions for data.</summary>
public interface IRule
{
    /// <summary>The rule's identifier.</summary>
    RuleId Id { get; }

    /// <summary>What the rule concludes; empty when it stays silent.</summary>
    IEnumerable<RuleFinding> Evaluate(RuleContext context);
}
