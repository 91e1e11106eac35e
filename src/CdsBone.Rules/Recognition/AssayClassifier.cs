using System.Buffers;
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
    // One multi-string search per text instead of a case-insensitive scan per word: this runs for every observation.
    private static readonly SearchValues<string> SensitiveWords =
        SearchValues.Create(["lc-ms", "lc/ms", "lcms", "mass spec", "sensitiv"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ImmunoassayWords =
        SearchValues.Create(["immunoassay", "eclia", "clia", "ecl", "chemilumin"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Classifies a result of <paramref name="analyte"/> coded <paramref name="code"/> with the given free texts.</summary>
    public static AssayClass Classify(Analyte analyte, ClinicalCode code, IEnumerable<string?> texts) =>
        Classify(analyte, code, texts, out _);

    /// <summary>
    /// As <see cref="Classify(Analyte, ClinicalCode, IEnumerable{string?})"/>; <paramref name="sensitiveByCodeOnly"/> is
    /// true when the result is sensitive only because its LOINC code names a high-sensitivity method (no method text).
    /// </summary>
    public static AssayClass Classify(Analyte analyte, ClinicalCode code, IEnumerable<string?> texts, out bool sensitiveByCodeOnly)
    {
        sensitiveByCodeOnly = false;
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

            hasSensitiveText |= text.AsSpan().ContainsAny(SensitiveWords);
            hasImmunoassayText |= text.AsSpan().ContainsAny(ImmunoassayWords);
        }

        if (code == Loinc.EstradiolImmunoassay || hasImmunoassayText)
        {
            return AssayClass.Immunoassay;
        }

        if (code == Loinc.EstradiolSensitive || hasSensitiveText)
        {
            sensitiveByCodeOnly = !hasSensitiveText;
            return AssayClass.Sensitive;
        }

        return analyte == Analyte.Estradiol ? AssayClass.Immunoassay : AssayClass.NotApplicable;
    }
}
