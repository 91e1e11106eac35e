namespace CdsBone.Rules.Terminology;

/// <summary>
/// The concept classes of CLINICAL-RULES.md §5 Definitions ("Concept classes"): each is defined by a value set the
/// service ships (and a deployment may replace), an ICD-10-CM prefix rule where one exists, and text stems last.
/// </summary>
public enum ConceptClass
{
    /// <summary>Breast cancer of any category or a personal history of it: the oncology context.</summary>
    BreastCancer,
    /// <summary>Products prescribed only for breast cancer (letrozole/ribociclib co-packs): also the oncology context.</summary>
    BreastCancerTherapy,
    /// <summary>Systemic osteoporosis (S3).</summary>
    Osteoporosis,
    /// <summary>Osteoporotic (fragility) fracture (S3).</summary>
    OsteoporoticFracture,
    /// <summary>Pregnancy (S1).</summary>
    Pregnancy,
    /// <summary>Premature menopause: menopausal status unknown without FSH/E2 evidence.</summary>
    PrematureMenopause,
    /// <summary>Bilateral oophorectomy: postmenopausal.</summary>
    BilateralOophorectomy,
    /// <summary>Gynecomastia (T1 symptom).</summary>
    Gynecomastia,
    /// <summary>Mastodynia (T1 symptom).</summary>
    Mastodynia,
    /// <summary>Premenopausal state.</summary>
    Premenopausal,
    /// <summary>Postmenopausal state.</summary>
    Postmenopausal,
    /// <summary>Osteopenia (shown only).</summary>
    Osteopenia,
    /// <summary>Hypogonadism (shown only).</summary>
    Hypogonadism,
    /// <summary>Aromatase inhibitors (on AI, being ordered, S6).</summary>
    AromataseInhibitor,
    /// <summary>GnRH agonists (ovarian suppression).</summary>
    GnrhAgonist,
}

/// <summary>The kebab-case names the value sets use for each class (extension <c>concept-class</c>).</summary>
public static class ConceptClassNames
{
    /// <summary>The class's code, e.g. <c>breast-cancer</c>.</summary>
    public static string ToCode(this ConceptClass conceptClass) => conceptClass switch
    {
        ConceptClass.BreastCancer => "breast-cancer",
        ConceptClass.BreastCancerTherapy => "breast-cancer-therapy",
        ConceptClass.Osteoporosis => "osteoporosis",
        ConceptClass.OsteoporoticFracture => "osteoporotic-fracture",
        ConceptClass.Pregnancy => "pregnancy",
        ConceptClass.PrematureMenopause => "premature-menopause",
        ConceptClass.BilateralOophorectomy => "bilateral-oophorectomy",
        ConceptClass.Gynecomastia => "gynecomastia",
        ConceptClass.Mastodynia => "mastodynia",
        ConceptClass.Premenopausal => "premenopausal",
        ConceptClass.Postmenopausal => "postmenopausal",
        ConceptClass.Osteopenia => "osteopenia",
        ConceptClass.Hypogonadism => "hypogonadism",
        ConceptClass.AromataseInhibitor => "aromatase-inhibitor",
        ConceptClass.GnrhAgonist => "gnrh-agonist",
        _ => throw new ArgumentOutOfRangeException(nameof(conceptClass), conceptClass, null),
    };

    /// <summary>The class named <paramref name="code"/>, or null for an unknown name.</summary>
    public static ConceptClass? FromCode(string? code)
    {
        foreach (var conceptClass in Enum.GetValues<ConceptClass>())
        {
            if (string.Equals(conceptClass.ToCode(), code, StringComparison.Ordinal))
            {
                return conceptClass;
            }
        }

        return null;
    }
}
