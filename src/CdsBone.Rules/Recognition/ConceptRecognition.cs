using CdsBone.Rules.Facts;
using CdsBone.Rules.Terminology;

namespace CdsBone.Rules.Recognition;

/// <summary>How a concept class was recognised: which value set, rule or text stem, so a card can say so.</summary>
/// <param name="Class">The class recognised.</param>
/// <param name="Method">By a code (value set, ICD-10-CM prefix rule or a catalogue code) or by text only.</param>
/// <param name="ValueSet">The value set that lists the code, when one did.</param>
/// <param name="Rule">The ICD-10-CM prefix rule (e.g. <c>C50</c>) or the text stem that matched.</param>
public sealed record ConceptRecognition(ConceptClass Class, RecognitionMethod Method, ValueSetReference? ValueSet, string? Rule)
{
    /// <summary>How, in the words of the card extension: <c>value-set</c>, <c>icd-10-cm-prefix</c> or <c>text</c>.</summary>
    public string Kind => Method == RecognitionMethod.Text ? "text" : ValueSet is not null ? "value-set" : "icd-10-cm-prefix";
}
