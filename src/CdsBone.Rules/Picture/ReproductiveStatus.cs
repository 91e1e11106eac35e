namespace CdsBone.Rules.Picture;

/// <summary>A woman's menopausal status (§5 Definitions).</summary>
public enum MenopausalStatus
{
    /// <summary>Not a woman: does not apply.</summary>
    NotApplicable,
    /// <summary>Coded, oophorectomy, age ≥ 60, or high FSH with low E2.</summary>
    Postmenopausal,
    /// <summary>Coded, or age &lt; 50 without postmenopausal evidence.</summary>
    Premenopausal,
    /// <summary>50–59 with neither, or age unknown.</summary>
    Unknown,
}

/// <summary>Whether the oncology context holds (§5 Definitions).</summary>
public enum OncologyContext
{
    /// <summary>No breast-cancer condition recorded.</summary>
    No,
    /// <summary>A breast-cancer condition of any status, or a history of it.</summary>
    Yes,
    /// <summary>Conditions could not be had.</summary>
    Unknown,
}
