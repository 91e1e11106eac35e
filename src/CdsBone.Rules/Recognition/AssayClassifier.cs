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
    /// <summary>
    /// Classifies a result of <paramref name="analyte"/> coded <paramref name="code"/> by what its free texts say
    /// (<paramref name="wording"/>); <paramref name="sensitiveByCodeOnly"/> is true when the result is sensitive only
    /// because its LOINC code names a high-sensitivity method (no method text).
    /// </summary>
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
