using CdsBone.Rules.Facts;
using CdsBone.Rules.Options;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Evaluation;

/// <summary>
/// What a rule sees: the clinical picture, and which rules have already fired (T1, T2, T6 and N1 depend on the
/// S- and A-rules; the engine runs rules in the order of <see cref="RuleSet"/>).
/// </summary>
public sealed class RuleContext
{
    private readonly HashSet<RuleId> _fired = [];

    internal RuleContext(ClinicalPicture picture) => Picture = picture;

    /// <summary>The interpreted facts.</summary>
    public ClinicalPicture Picture { get; }

    /// <summary>The thresholds in force.</summary>
    public RuleOptions Options => Picture.Options;

    /// <summary>Being ordered, on AI, or neither.</summary>
    public AiSituation Situation => Picture.Treatment.Situation;

    /// <summary>True for a start evaluation.</summary>
    public bool BeingOrdered => Situation == AiSituation.BeingOrdered;

    /// <summary>True when the patient is on an AI.</summary>
    public bool OnAi => Situation == AiSituation.OnAi;

    /// <summary>True when <paramref name="id"/> has fired in this evaluation.</summary>
    public bool HasFired(RuleId id) => _fired.Contains(id);

    /// <summary>True when any S-rule has fired with a stop or do-not-start.</summary>
    public bool AnySafetyRuleFired => _fired.Overlaps([RuleId.S1, RuleId.S2, RuleId.S3, RuleId.S4, RuleId.S5, RuleId.S6]);

    internal void MarkFired(RuleId id) => _fired.Add(id);

    /// <summary>stop when on AI, do-not-start when being ordered.</summary>
    public Recommendation StopOrDoNotStart => OnAi ? Recommendation.Stop : Recommendation.DoNotStart;

    /// <summary>
    /// "Stop anastrozole" or "Do not start anastrozole". With a second AI drafted (S6), the stop names the AI the patient
    /// is on: the draft is removed either way.
    /// </summary>
    public string StopVerb => OnAi
        ? $"Stop {Picture.Treatment.DuplicatedAi?.Agent ?? Picture.Treatment.AgentName}"
        : $"Do not start {Picture.Treatment.AgentName}";

    /// <summary>The actions of a stop or do-not-start: remove the draft, or stop the active order.</summary>
    public IReadOnlyList<SuggestedAction> StopActions()
    {
        var treatment = Picture.Treatment;
        if (treatment.Target is not { } target)
        {
            return [];
        }

        return treatment.TargetIsDraft
            ? [new RemoveDraftOrder($"Remove the {treatment.AgentName} order", target.SourceId)]
            : [new StopActiveOrder($"Stop {treatment.AgentName}", target.SourceId)];
    }

    /// <summary>
    /// The update of a reduce-dose: the next lower regimen of the configured anastrozole ladder. None for letrozole and
    /// exemestane (advised in words only, §5), nor when the current dose is unknown or already at the lowest step.
    /// </summary>
    public IReadOnlyList<SuggestedAction> ReduceDoseActions()
    {
        var treatment = Picture.Treatment;
        if (treatment.Target is not { IsAnastrozole: true } target || target.Dose is not { } current)
        {
            return [];
        }

        var next = Options.AnastrozoleDoseLadder
            .Select(step => step.ToRegimen())
            .Where(step => step.WeeklyDoseMg < current.WeeklyDoseMg)
            .OrderByDescending(step => step.WeeklyDoseMg)
            .FirstOrDefault();
        return next is null
            ? []
            : [new ChangeDose($"Reduce to anastrozole {next}", target.SourceId, treatment.TargetIsDraft, current, next)];
    }

    /// <summary>The update of a start-consider: the lowest starting dose, when the draft is higher.</summary>
    public IReadOnlyList<SuggestedAction> LowestStartingDoseActions()
    {
        var treatment = Picture.Treatment;
        var lowest = Options.AnastrozoleStartingDose.ToRegimen();
        if (treatment.Target is not { IsAnastrozole: true } target || target.Dose is not { } current || current.WeeklyDoseMg <= lowest.WeeklyDoseMg)
        {
            return [];
        }

        return [new ChangeDose($"Start at the lowest dose: anastrozole {lowest}", target.SourceId, treatment.TargetIsDraft, current, lowest)];
    }

    /// <summary>The update to <paramref name="dose"/> of <paramref name="order"/> (anastrozole only), when its dose differs.</summary>
    public static IReadOnlyList<SuggestedAction> SetDoseActions(Therapy order, bool isDraft, DoseRegimen dose, string label)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(dose);
        return order is { IsAnastrozole: true, Dose: { } current } && current != dose
            ? [new ChangeDose(label, order.SourceId, isDraft, current, dose)]
            : [];
    }

    /// <summary>Evidence rows of results.</summary>
    public static IReadOnlyList<EvidenceItem> Evidence(params IEnumerable<ResultFact?> results) =>
        results.OfType<ResultFact>().Select(Describe.Evidence).ToList();

    /// <summary>"estradiol 14 pg/mL (LC-MS/MS, 12 days ago)".</summary>
    public string ValueText(ResultFact result) => Describe.ValueWithContext(result, Picture.Time);

    /// <summary>A threshold with its unit, e.g. "20 pg/mL".</summary>
    public static string Limit(decimal value, string unit) => $"{Describe.Limit(value)} {unit}";
}
