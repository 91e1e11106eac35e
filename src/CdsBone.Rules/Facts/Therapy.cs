namespace CdsBone.Rules.Facts;

/// <summary>The drug classes the rules look for (CLINICAL-RULES.md §4a, §5 Definitions: Therapies).</summary>
public enum TherapyClass
{
    /// <summary>Anastrozole, letrozole, exemestane.</summary>
    AromataseInhibitor,
    /// <summary>Any testosterone product (injection, gel, pellet, oral).</summary>
    Testosterone,
    /// <summary>Clomiphene, hCG or gonadorelin: a fertility protocol when no TRT is active.</summary>
    FertilityAgent,
    /// <summary>A GnRH agonist: ovarian suppression.</summary>
    GnrhAgonist,
    /// <summary>A SERM other than clomiphene (tamoxifen).</summary>
    Serm,
    /// <summary>A bisphosphonate or denosumab.</summary>
    BoneProtective,
}

/// <summary>MedicationRequest.status, as the rules read it.</summary>
public enum TherapyStatus
{
    /// <summary>draft: an order being signed or selected.</summary>
    Draft,
    /// <summary>active.</summary>
    Active,
    /// <summary>on-hold: counts as current (§5 On AI).</summary>
    OnHold,
    /// <summary>stopped.</summary>
    Stopped,
    /// <summary>completed.</summary>
    Completed,
    /// <summary>cancelled.</summary>
    Cancelled,
    /// <summary>entered-in-error.</summary>
    EnteredInError,
    /// <summary>unknown or not sent.</summary>
    Unknown,
}

/// <summary>A recognised medication order.</summary>
/// <param name="SourceId">The FHIR reference, e.g. <c>MedicationRequest/123</c>.</param>
/// <param name="Class">The drug class.</param>
/// <param name="Agent">The ingredient in lower case, e.g. <c>anastrozole</c>.</param>
/// <param name="Status">The order status.</param>
/// <param name="Dose">The dose and frequency, when both could be read.</param>
/// <param name="RecognisedBy">Code or text.</param>
/// <param name="Description">The medication text or display, for the card.</param>
/// <param name="Recognition">The value set or text stem that recognised its class, where the class has a value set.</param>
/// <param name="BreastCancerOnly">True for a product prescribed only for breast cancer: it sets the oncology context.</param>
public sealed record Therapy(
    string SourceId,
    TherapyClass Class,
    string Agent,
    TherapyStatus Status,
    DoseRegimen? Dose,
    RecognitionMethod RecognisedBy,
    string Description,
    Recognition.ConceptRecognition? Recognition = null,
    bool BreastCancerOnly = false)
{
    /// <summary>Active or on-hold: what "on" a therapy means in §5.</summary>
    public bool IsCurrent => Status is TherapyStatus.Active or TherapyStatus.OnHold;

    /// <summary>True for anastrozole, the only agent CdsBone writes dose suggestions for.</summary>
    public bool IsAnastrozole => Class == TherapyClass.AromataseInhibitor && Agent == Agents.Anastrozole;
}

/// <summary>Agent names the rules compare against.</summary>
public static class Agents
{
    /// <summary>anastrozole.</summary>
    public const string Anastrozole = "anastrozole";
    /// <summary>letrozole.</summary>
    public const string Letrozole = "letrozole";
    /// <summary>exemestane.</summary>
    public const string Exemestane = "exemestane";
}
