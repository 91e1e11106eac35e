using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Evaluation;

/// <summary>Which CDS Hooks moment the evaluation answers (§6 Services): it decides when the service speaks.</summary>
public enum HookTrigger
{
    /// <summary>order-sign: the draftOrders are about to be signed.</summary>
    OrderSign,
    /// <summary>order-select: the clinician selected an order.</summary>
    OrderSelect,
    /// <summary>patient-view: the chart was opened; no draft exists.</summary>
    PatientView,
}

/// <summary>One evaluation: the facts, the moment and "now" (from the caller's clock; rules never read one).</summary>
/// <param name="Trigger">The hook.</param>
/// <param name="Facts">What is known of the patient.</param>
/// <param name="Now">The instant the request was received.</param>
public sealed record EvaluationRequest(HookTrigger Trigger, ClinicalFacts Facts, DateTimeOffset Now);
