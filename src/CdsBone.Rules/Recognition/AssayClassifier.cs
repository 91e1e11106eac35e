using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Recognition;

/// <summary>
/// The assay class of a hormone result from its code and its method, code or note text (§5 Definitions: E2 assay class).
/// Immunoassay words win over sensitive words, and an E2 code without sensitive text is an immunoassay: the
/// conservative default, since immunoassays over-read at male and low levels [E7].
/// </summary>
public static class AssayClassifier
{
    private static readonly string[] SensitiveWords = ["lc-ms", "lc/ms", "lcms", "mass spec", "sensitiv"];
    private static readonly string[] ImmunoassayWords = ["immunoassay", "eclia", "clia", "ecl", "chemilumin"];

    /// <summary>Classifies a result of <paramref name="analyte"/> coded <paramref name="code"/> with the given free texts.</summary>
    public static AssayClass Classify(Analyte analyte, ClinicalCode code, IEnumerable<string?> texts)
    {
        if (code == Loinc.FreeTestosteroneCalculated)
        {
            return AssayClass.Calculated;
        }

        var hasSensitiveText = false;
        var hasImmunoassayText = false;
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            hasSensitiveText |= ContainsAny(text, SensitiveWords);
            hasImmunoassayText |= ContainsAny(text, ImmunoassayWords);
        }

        if (code == Loinc.EstradiolImmunoassay || hasImmunoassayText)
        {
            return AssayClass.Immunoassay;
        }

        if (code == Loinc.EstradiolSensitive || hasSensitiveText)
        {
            return AssayClass.Sensitive;
        }

        return analyte == Analyte.Estradiol ? AssayClass.Immunoassay : AssayClass.NotApplicable;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
