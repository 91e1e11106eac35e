using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Recognition;

/// <summary>What a medication was recognised as, and how.</summary>
/// <param name="Class">The drug class.</param>
/// <param name="Agent">The ingredient, lower case.</param>
/// <param name="RecognisedBy">Code or text.</param>
public readonly record struct RecognisedMedication(TherapyClass Class, string Agent, RecognitionMethod RecognisedBy);

/// <summary>What a condition was recognised as, and how.</summary>
/// <param name="Kind">The condition kind.</param>
/// <param name="RecognisedBy">Code or text.</param>
public readonly record struct RecognisedCondition(ConditionKind Kind, RecognitionMethod RecognisedBy);
