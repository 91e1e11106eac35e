namespace CdsBone.Rules.Facts;

/// <summary>The kinds of condition the rules look for (CLINICAL-RULES.md §4b, §5 Definitions).</summary>
public enum ConditionKind
{
    /// <summary>Osteoporosis (S3, T5).</summary>
    Osteoporosis,
    /// <summary>A fragility or osteoporotic fracture (S3, T5).</summary>
    FragilityFracture,
    /// <summary>Osteopenia (shown only).</summary>
    Osteopenia,
    /// <summary>Hypogonadism (shown only).</summary>
    Hypogonadism,
    /// <summary>Breast cancer of any clinical status, or a personal history of it: the oncology context.</summary>
    BreastCancer,
    /// <summary>Gynecomastia, an estrogen-excess symptom (T1).</summary>
    Gynecomastia,
    /// <summary>Mastodynia, an estrogen-excess symptom (T1).</summary>
    Mastodynia,
    /// <summary>Pregnancy (S1).</summary>
    Pregnancy,
    /// <summary>Premenopausal state (S2).</summary>
    Premenopausal,
    /// <summary>Postmenopausal state (S2, T4).</summary>
    Postmenopausal,
    /// <summary>Bilateral oophorectomy: postmenopausal by definition.</summary>
    BilateralOophorectomy,
    /// <summary>Premature menopause: menopausal status unknown without FSH/E2 evidence.</summary>
    PrematureMenopause,
}

/// <summary>Condition.clinicalStatus, reduced to what the rules need.</summary>
public enum ConditionClinicalStatus
{
    /// <summary>No clinical status was sent: counts as active (§5 Definitions).</summary>
    Unspecified,
    /// <summary>active, recurrence or relapse.</summary>
    Active,
    /// <summary>inactive, remission or resolved.</summary>
    Inactive,
}

/// <summary>A recognised condition of the patient.</summary>
/// <param name="SourceId">The FHIR reference it came from, e.g. <c>Condition/123</c>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Status">Its clinical status.</param>
/// <param name="RecognisedBy">Code or text.</param>
/// <param name="Description">The text or display it carried, for the card.</param>
/// <param name="Recognition">The value set, ICD-10-CM prefix rule or text stem that recognised it (null in tests that do not care).</param>
public sealed record ConditionFact(
    string SourceId, ConditionKind Kind, ConditionClinicalStatus Status, RecognitionMethod RecognisedBy, string Description,
    Recognition.ConceptRecognition? Recognition = null)
{
    /// <summary>True when it counts as current: active, or with no status (§5 Definitions).</summary>
    public bool IsActive => Status is ConditionClinicalStatus.Active or ConditionClinicalStatus.Unspecified;
}
