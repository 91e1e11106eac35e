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
    /// <summary>Classifies a result of <paramref name="analyte"/> coded <paramref name="code"/> with the given free texts.</summary>
    public static AssayClass Classify(Analyte analyte, ClinicalCode code, IEnumerable<string?> texts) =>
        Classify(analyte, code, texts, out _);

    /// <summary>
    /// As <see cref="Classify(Analyte, ClinicalCode, IEnumerable{string?})"/>; <paramref name="sensitiveByCodeOnly"/> is
    /// true when the result is sensitive only because its LOINC code names a high-sensitivity method (no method text).
    /// </summary>
    public static AssayClass Classify(Analyte analyte, ClinicalCode code, IEnumerable<string?> texts, out bool sensitiveByCodeOnly)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var wording = default(AssayWording);
        foreach (var text in texts)
        {
            wording.Read(text);
        }

        return Classify(analyte, code, wording, out sensitiveByCodeOnly);
    }

    /// <summary>As the overload with texts, from what the texts were found to say as they were read.</summary>
    public static AssayClass Classify(Analyte analyte, ClinicalCode code, AssayWording wording, out bool sensitiveByCodeOnly)
    {
        sensitiveByCodeOnly = false;
        if (code == Loinc.FreeTestosteroneCalculated)
        {
            return AssayClass.Calculated;
        }

        if (code == Loinc.EstradiolImmunoassay || wording.NamesImmunoassay)
        {
            return AssayClass.Immunoassay;
        }

        if (code == Loinc.EstradiolSensitive || wording.NamesSensitiveMethod)
        {
            sensitiveByCodeOnly = !wording.NamesSensitiveMethod;
            return AssayClass.Sensitive;
        }

        return analyte == Analyte.Estradiol ? AssayClass.Immunoassay : AssayClass.NotApplicable;
    }
}
