namespace CdsBone.Rules.Evaluation;

/// <summary>Card urgency, ordered from least to most severe (CDS Hooks <c>indicator</c>).</summary>
public enum Indicator
{
    /// <summary>info.</summary>
    Info,
    /// <summary>warning.</summary>
    Warning,
    /// <summary>critical.</summary>
    Critical,
}
