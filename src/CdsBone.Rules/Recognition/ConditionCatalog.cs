using System.Buffers;
using System.Collections.Frozen;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Recognition;

/// <summary>
/// Recognises the conditions of §4b and §5 by SNOMED CT or ICD-10 code, else by text where §5 allows text.
/// Pregnancy and menopausal status are recognised by code only: a text such as "pregnancy test negative" must never
/// set them.
/// </summary>
public static class ConditionCatalog
{
    private static readonly FrozenDictionary<ClinicalCode, ConditionKind> BySnomed = new Dictionary<ClinicalCode, ConditionKind>
    {
        [Snomed.Osteoporosis] = ConditionKind.Osteoporosis,
        [Snomed.VertebralOsteoporosis] = ConditionKind.Osteoporosis,
        [Snomed.Osteopenia] = ConditionKind.Osteopenia,
        [Snomed.Hypogonadism] = ConditionKind.Hypogonadism,
        [Snomed.BreastCancer] = ConditionKind.BreastCancer,
        // An ER-positive tumour in this service's population is breast cancer: the AI is then oncology-managed.
        [Snomed.EstrogenReceptorPositiveTumor] = ConditionKind.BreastCancer,
        [Snomed.Gynecomastia] = ConditionKind.Gynecomastia,
        [Snomed.Mastodynia] = ConditionKind.Mastodynia,
        [Snomed.Pregnancy] = ConditionKind.Pregnancy,
        [Snomed.Premenopausal] = ConditionKind.Premenopausal,
        [Snomed.Postmenopausal] = ConditionKind.Postmenopausal,
    }.ToFrozenDictionary();

    // ICD-10 code prefixes (WHO and CM): C50 breast cancer, D05 carcinoma in situ of breast, Z85.3 history of breast
    // cancer, M80 osteoporosis with current pathological fracture, M81 osteoporosis, N62 gynecomastia, N64.4 mastodynia,
    // Z33 pregnant state, Z90.72 acquired absence of ovaries (Z90.722 bilateral), E29.1 testicular hypofunction.
    private static readonly (string Prefix, ConditionKind Kind)[] ByIcd10Prefix =
    [
        ("C50", ConditionKind.BreastCancer),
        ("D05", ConditionKind.BreastCancer),
        ("Z85.3", ConditionKind.BreastCancer),
        ("M80", ConditionKind.FragilityFracture),
        ("M81", ConditionKind.Osteoporosis),
        ("N62", ConditionKind.Gynecomastia),
        ("N64.4", ConditionKind.Mastodynia),
        ("Z33", ConditionKind.Pregnancy),
        ("Z90.722", ConditionKind.BilateralOophorectomy),
        ("E29.1", ConditionKind.Hypogonadism),
    ];

    private static readonly (ConditionKind Kind, string[] Stems)[] ByText =
    [
        (ConditionKind.BreastCancer, ["breast cancer", "carcinoma of breast", "breast carcinoma", "malignant neoplasm of breast", "cancer of breast"]),
        (ConditionKind.FragilityFracture, ["fragility fracture", "osteoporotic fracture"]),
        (ConditionKind.Osteoporosis, ["osteoporosis"]),
        (ConditionKind.Osteopenia, ["osteopenia"]),
        (ConditionKind.Gynecomastia, ["gynecomastia", "gynaecomastia"]),
        (ConditionKind.Mastodynia, ["mastodynia", "mastalgia", "breast pain"]),
        (ConditionKind.BilateralOophorectomy, ["bilateral oophorectomy", "bilateral salpingo-oophorectomy", "bilateral salpingo oophorectomy"]),
        (ConditionKind.Hypogonadism, ["hypogonadism"]),
    ];

    private static readonly SearchValues<string> AnyStem = TextMatcher.AnyOf(ByText.SelectMany(t => t.Stems));

    /// <summary>Recognises a condition from its codings and texts.</summary>
    public static RecognisedCondition? Recognise(IEnumerable<ClinicalCode> codes, IEnumerable<string?> texts)
    {
        foreach (var code in codes)
        {
            if (BySnomed.TryGetValue(code, out var kind))
            {
                return new RecognisedCondition(kind, RecognitionMethod.Code);
            }

            if (code.System is CodeSystems.Icd10 or CodeSystems.Icd10Cm && FromIcd10(code.Code) is { } icdKind)
            {
                return new RecognisedCondition(icdKind, RecognitionMethod.Code);
            }
        }

        foreach (var text in texts)
        {
            if (!TextMatcher.MayMatch(text, AnyStem))
            {
                continue;
            }

            foreach (var (kind, stems) in ByText)
            {
                if (TextMatcher.FirstStem(text, stems) is not null)
                {
                    return new RecognisedCondition(kind, RecognitionMethod.Text);
                }
            }
        }

        return null;
    }

    private static ConditionKind? FromIcd10(string code)
    {
        foreach (var (prefix, kind) in ByIcd10Prefix)
        {
            if (code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
