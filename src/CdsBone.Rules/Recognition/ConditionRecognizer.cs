using CdsBone.Rules.Codes;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Terminology;

namespace CdsBone.Rules.Recognition;

/// <summary>What a condition was recognised as, and how.</summary>
/// <param name="Kind">The condition kind.</param>
/// <param name="Recognition">The class, and the value set, rule or text that recognised it.</param>
public readonly record struct RecognisedCondition(ConditionKind Kind, ConceptRecognition Recognition)
{
    /// <summary>Code or text.</summary>
    public RecognitionMethod RecognisedBy => Recognition.Method;
}

/// <summary>
/// Recognises the conditions of CLINICAL-RULES.md §4b and §5 through the concept classes' value sets, ICD-10-CM prefix
/// rules, then text. Pregnancy, menopausal states and premature menopause are recognised by code only: a text such as
/// "pregnancy test negative" must never set them.
/// </summary>
public sealed class ConditionRecognizer
{
    // Priority when a concept belongs to several classes (M80 is both osteoporosis and an osteoporotic fracture).
    private static readonly (ConceptClass Class, ConditionKind Kind)[] Classes =
    [
        (ConceptClass.BreastCancer, ConditionKind.BreastCancer),
        (ConceptClass.Pregnancy, ConditionKind.Pregnancy),
        (ConceptClass.OsteoporoticFracture, ConditionKind.FragilityFracture),
        (ConceptClass.Osteoporosis, ConditionKind.Osteoporosis),
        (ConceptClass.BilateralOophorectomy, ConditionKind.BilateralOophorectomy),
        (ConceptClass.PrematureMenopause, ConditionKind.PrematureMenopause),
        (ConceptClass.Postmenopausal, ConditionKind.Postmenopausal),
        (ConceptClass.Premenopausal, ConditionKind.Premenopausal),
        (ConceptClass.Gynecomastia, ConditionKind.Gynecomastia),
        (ConceptClass.Mastodynia, ConditionKind.Mastodynia),
        (ConceptClass.Osteopenia, ConditionKind.Osteopenia),
        (ConceptClass.Hypogonadism, ConditionKind.Hypogonadism),
    ];

    private static readonly ConceptClass[] ClassOrder = [.. Classes.Select(c => c.Class)];

    private static readonly (ConceptClass Class, string[] Stems)[] TextStems =
    [
        (ConceptClass.BreastCancer, ["breast cancer", "carcinoma of breast", "breast carcinoma", "malignant neoplasm of breast", "cancer of breast", "dcis"]),
        (ConceptClass.OsteoporoticFracture, ["fragility fracture", "osteoporotic fracture"]),
        (ConceptClass.Osteoporosis, ["osteoporosis"]),
        (ConceptClass.BilateralOophorectomy, ["bilateral oophorectomy", "bilateral salpingo-oophorectomy", "bilateral salpingo oophorectomy"]),
        (ConceptClass.Gynecomastia, ["gynecomastia", "gynaecomastia"]),
        (ConceptClass.Mastodynia, ["mastodynia", "mastalgia", "breast pain"]),
        (ConceptClass.Osteopenia, ["osteopenia"]),
        (ConceptClass.Hypogonadism, ["hypogonadism"]),
    ];

    private readonly ConceptRecognizer _recognizer;

    /// <summary>Recognises conditions against <paramref name="terminology"/>.</summary>
    public ConditionRecognizer(IConceptMembership terminology)
    {
        ArgumentNullException.ThrowIfNull(terminology);
        _recognizer = new ConceptRecognizer(terminology, TextStems);
    }

    /// <summary>Recognises a condition from its codings and texts (CodeableConcept.text and coding displays).</summary>
    public RecognisedCondition? Recognise(IReadOnlyList<ClinicalCode> codes, IReadOnlyList<string?> texts)
    {
        if (_recognizer.Recognise(codes, texts, ClassOrder) is not { } recognition)
        {
            return null;
        }

        var kind = Array.Find(Classes, c => c.Class == recognition.Class).Kind;
        return new RecognisedCondition(kind, recognition);
    }
}
