namespace CdsBone.Rules.Facts;

/// <summary>How a medication or condition was recognised: by a code, or only by its text (say so on the card).</summary>
public enum RecognitionMethod
{
    /// <summary>A known code matched.</summary>
    Code,
    /// <summary>No known code; a word stem in the text matched.</summary>
    Text,
}
