using System.Buffers;

namespace CdsBone.Rules.Recognition;

/// <summary>
/// What a result's method, code and note texts say about its assay (§5 Definitions: E2 assay class), gathered one text
/// at a time so that a caller reading JSON need not keep the texts as strings: this runs for every lab result.
/// </summary>
public struct AssayWording
{
    // One multi-string search per text instead of a case-insensitive scan per word.
    private static readonly SearchValues<string> SensitiveWords =
        SearchValues.Create(["lc-ms", "lc/ms", "lcms", "mass spec", "sensitiv"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ImmunoassayWords =
        SearchValues.Create(["immunoassay", "eclia", "clia", "ecl", "chemilumin"], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when some text names mass spectrometry or a sensitive method.</summary>
    public bool NamesSensitiveMethod { get; private set; }

    /// <summary>True when some text names an immunoassay.</summary>
    public bool NamesImmunoassay { get; private set; }

    /// <summary>Reads one more text.</summary>
    public void Read(ReadOnlySpan<char> text)
    {
        NamesSensitiveMethod |= text.ContainsAny(SensitiveWords);
        NamesImmunoassay |= text.ContainsAny(ImmunoassayWords);
    }
}
