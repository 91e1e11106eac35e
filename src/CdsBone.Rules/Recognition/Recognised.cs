using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Recognition;

/// <summary>What a medication was recognised as, and how.</summary>
/// <param name="Class">The drug class.</param>
/// <param name="Agent">The ingredient, lower case.</param>
/// <param name="Recognition">The value set, catalogue code or text stem that recognised it; null for a catalogue class without a concept class.</param>
/// <param name="RecognisedBy">Code or text.</param>
/// <param name="BreastCancerOnly">True for a product prescribed only for breast cancer: it sets the oncology context.</param>
public readonly record struct RecognisedMedication(
    TherapyClass Class, string Agent, ConceptRecognition? Recognition, RecognitionMethod RecognisedBy, bool BreastCancerOnly);
