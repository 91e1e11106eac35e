using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Evaluation;

/// <summary>What the clinician could do, in domain terms; the host turns each into a CDS Hooks suggestion.</summary>
public abstract record SuggestedAction(string Label);

/// <summary>Remove the draft order (do-not-start, or stop at renewal).</summary>
/// <param name="Label">What the button says.</param>
/// <param name="OrderId">The draft's reference, e.g. <c>MedicationRequest/draft-1</c>.</param>
public sealed record RemoveDraftOrder(string Label, string OrderId) : SuggestedAction(Label);

/// <summary>Stop an active order (patient-view, or order-sign when the draft is not the AI).</summary>
/// <param name="Label">What the button says.</param>
/// <param name="OrderId">The active order's reference.</param>
public sealed record StopActiveOrder(string Label, string OrderId) : SuggestedAction(Label);

/// <summary>Set an order's dose to <paramref name="NewDose"/>.</summary>
/// <param name="Label">What the button says.</param>
/// <param name="OrderId">The order's reference.</param>
/// <param name="IsDraft">True for a draft order, false for the active one.</param>
/// <param name="CurrentDose">The dose it has now.</param>
/// <param name="NewDose">The dose to set.</param>
public sealed record ChangeDose(string Label, string OrderId, bool IsDraft, DoseRegimen CurrentDose, DoseRegimen NewDose) : SuggestedAction(Label);

/// <summary>The tests CdsBone can order for missing data.</summary>
public enum LabTest
{
    /// <summary>Sensitive (LC-MS/MS) estradiol, LOINC 72873-3.</summary>
    SensitiveEstradiol,
    /// <summary>SHBG, LOINC 13967-5.</summary>
    Shbg,
    /// <summary>Albumin, LOINC 1751-7.</summary>
    Albumin,
    /// <summary>CTx, LOINC 41171-0.</summary>
    Ctx,
    /// <summary>DXA, SNOMED 312681000.</summary>
    Dxa,
    /// <summary>FSH, LOINC 15067-2.</summary>
    Fsh,
    /// <summary>Total testosterone, LOINC 2986-8.</summary>
    TotalTestosterone,
    /// <summary>hCG quantitative, LOINC 19080-1.</summary>
    Hcg,
    /// <summary>P1NP, LOINC 77370-5.</summary>
    P1np,
}

/// <summary>Order a test.</summary>
/// <param name="Label">What the button says.</param>
/// <param name="Test">The test.</param>
public sealed record OrderTest(string Label, LabTest Test) : SuggestedAction(Label);
