using CdsBone.Rules.Codes;
using CdsBone.Rules.Terminology;

namespace CdsBone.Rules.Recognition;

/// <summary>
/// The ICD-10-CM prefix rules of shared/terminology/icd10cm-prefix-rules.tsv: step 2 of recognising a concept class,
/// after the value sets. They catch codes no published expansion holds (C50.A*, added in 2024; D05; Z85.3; N62; N64.4;
/// Z78.0; Z90.722). Codes a value set excludes (C79.81, M81.6, Z80.3, …) are ruled out before these apply.
/// </summary>
public static class Icd10CmPrefixRules
{
    private static readonly (string Prefix, ConceptClass Class)[] Rules =
    [
        ("C50", ConceptClass.BreastCancer),
        ("D05", ConceptClass.BreastCancer),
        ("Z85.3", ConceptClass.BreastCancer),
        ("M80", ConceptClass.OsteoporoticFracture),
        ("Z87.310", ConceptClass.OsteoporoticFracture),
        ("M81", ConceptClass.Osteoporosis),
        .. PregnancyPrefixes().Select(p => (p, ConceptClass.Pregnancy)),
        ("E28.31", ConceptClass.PrematureMenopause),
        ("Z90.722", ConceptClass.BilateralOophorectomy),
        ("Z78.0", ConceptClass.Postmenopausal),
        ("N62", ConceptClass.Gynecomastia),
        ("N64.4", ConceptClass.Mastodynia),
        ("E29.1", ConceptClass.Hypogonadism),
    ];

    /// <summary>The rule that <paramref name="code"/> matches for <paramref name="conceptClass"/>, e.g. "C50"; null when none does.</summary>
    public static string? Match(ConceptClass conceptClass, ClinicalCode code)
    {
        if (code.System is not (CodeSystems.Icd10Cm or CodeSystems.Icd10))
        {
            return null;
        }

        foreach (var (prefix, ruleClass) in Rules)
        {
            if (ruleClass == conceptClass && code.Code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>
    /// Pregnancy (eCQM Pregnancy coverage): O09–O48 (antepartum), O60, O71, O88, O90–O92, O98, O99, O9A, Z32.01, Z33.1,
    /// Z33.3, Z34, Z3A. Over-inclusive at the puerperium edges on purpose: S1 is a stop, and a false "pregnant" costs less
    /// than a missed one.
    /// </summary>
    private static IEnumerable<string> PregnancyPrefixes()
    {
        const int FirstAntepartum = 9;
        const int LastAntepartum = 48;
        for (var n = FirstAntepartum; n <= LastAntepartum; n++)
        {
            yield return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"O{n:00}");
        }

        foreach (var prefix in new[] { "O60", "O71", "O88", "O90", "O91", "O92", "O98", "O99", "O9A", "Z32.01", "Z33.1", "Z33.3", "Z34", "Z3A" })
        {
            yield return prefix;
        }
    }
}
