using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;

namespace CdsBone.Rules.Picture;

/// <summary>Whether the AI is being started or the patient is on one (§5 Definitions: On AI, AI being ordered).</summary>
public enum AiSituation
{
    /// <summary>Neither: the service has nothing to say.</summary>
    None,
    /// <summary>An AI is being ordered while the patient is not on one: a start evaluation.</summary>
    BeingOrdered,
    /// <summary>The patient is on an AI (renewal, dose change, a testosterone order, or the chart).</summary>
    OnAi,
}

/// <summary>The therapies as the rules see them, for one hook.</summary>
public sealed class TreatmentSituation
{
    internal TreatmentSituation(HookTrigger trigger, ClinicalFacts facts)
    {
        var orderIds = facts.OrdersUnderReview.Select(o => o.SourceId).ToHashSet(StringComparer.Ordinal);
        var current = facts.Medications.Where(m => m.IsCurrent && !orderIds.Contains(m.SourceId)).ToList();
        var reviewable = facts.OrdersUnderReview
            .Where(o => o.Status is not (TherapyStatus.Cancelled or TherapyStatus.EnteredInError or TherapyStatus.Stopped or TherapyStatus.Completed))
            .ToList();

        CurrentAis = current.Where(m => m.Class == TherapyClass.AromataseInhibitor).ToList();
        ActiveAi = CurrentAis.Count > 0 ? CurrentAis[0] : null;
        OnTrt = current.FirstOrDefault(m => m.Class == TherapyClass.Testosterone);
        var fertilityAgent = current.FirstOrDefault(m => m.Class == TherapyClass.FertilityAgent);
        FertilityProtocolAgent = OnTrt is null ? fertilityAgent : null;
        OvarianSuppression = current.FirstOrDefault(m => m.Class == TherapyClass.GnrhAgonist);
        BoneProtection = current.FirstOrDefault(m => m.Class == TherapyClass.BoneProtective);

        var aiOrder = trigger == HookTrigger.PatientView ? null : reviewable.FirstOrDefault(o => o.Class == TherapyClass.AromataseInhibitor);
        var testosteroneOrder = trigger == HookTrigger.OrderSign ? reviewable.FirstOrDefault(o => o.Class == TherapyClass.Testosterone) : null;

        if (aiOrder is not null)
        {
            Situation = ActiveAi is null ? AiSituation.BeingOrdered : AiSituation.OnAi;
            Target = aiOrder;
            TargetIsDraft = true;
            DuplicatedAi = CurrentAis.FirstOrDefault(ai => !string.Equals(ai.Agent, aiOrder.Agent, StringComparison.Ordinal));
        }
        else if (ActiveAi is not null && (trigger == HookTrigger.PatientView || testosteroneOrder is not null))
        {
            Situation = AiSituation.OnAi;
            Target = ActiveAi;
            TargetIsDraft = false;
        }
    }

    /// <summary>Being ordered, on AI, or neither.</summary>
    public AiSituation Situation { get; }

    /// <summary>The order the advice acts on: the AI draft or selection, else the active AI order.</summary>
    public Therapy? Target { get; }

    /// <summary>True when <see cref="Target"/> is a draft (order-sign, order-select); false for the active order.</summary>
    public bool TargetIsDraft { get; }

    /// <summary>The active or on-hold AI order, if any (not the draft).</summary>
    public Therapy? ActiveAi { get; }

    /// <summary>Every active or on-hold AI order (two or more is itself a duplicate).</summary>
    public IReadOnlyList<Therapy> CurrentAis { get; }

    /// <summary>
    /// An active or on-hold AI whose ingredient differs from the AI drafted or selected (S6): the patient would be on two
    /// aromatase inhibitors. Null when the draft renews the same ingredient or there is no draft.
    /// </summary>
    public Therapy? DuplicatedAi { get; }

    /// <summary>
    /// The anastrozole order whose dose A6 checks: the anastrozole draft or selection, else the active anastrozole order
    /// (patient-view, a testosterone draft, or a draft of another AI).
    /// </summary>
    public Therapy? AnastrozoleUnderReview =>
        Target is { IsAnastrozole: true } ? Target : CurrentAis.FirstOrDefault(ai => ai.IsAnastrozole);

    /// <summary>True when <see cref="AnastrozoleUnderReview"/> is a draft or selection rather than the active order.</summary>
    public bool AnastrozoleUnderReviewIsDraft => TargetIsDraft && Target is { IsAnastrozole: true };

    /// <summary>The active or on-hold testosterone product, if any.</summary>
    public Therapy? OnTrt { get; }

    /// <summary>The fertility agent when a fertility protocol holds (T3): clomiphene, hCG or gonadorelin without TRT.</summary>
    public Therapy? FertilityProtocolAgent { get; }

    /// <summary>An active GnRH agonist (ovarian suppression, S2).</summary>
    public Therapy? OvarianSuppression { get; }

    /// <summary>An active bisphosphonate or denosumab.</summary>
    public Therapy? BoneProtection { get; }

    /// <summary>The AI agent the advice names ("anastrozole").</summary>
    public string AgentName => Target?.Agent ?? ActiveAi?.Agent ?? "aromatase inhibitor";

    /// <summary>The dose the advice starts from: the target's, else the active order's.</summary>
    public DoseRegimen? CurrentDose => Target?.Dose ?? ActiveAi?.Dose;
}
