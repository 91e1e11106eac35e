namespace CdsBone.Rules.Evaluation;

/// <summary>A rule that adds a line of context to the other cards and has no card of its own (T3).</summary>
public interface IContextRule
{
    /// <summary>The rule's identifier.</summary>
    RuleId Id { get; }

    /// <summary>The line, or null when the rule does not apply.</summary>
    string? Note(RuleContext context);
}
