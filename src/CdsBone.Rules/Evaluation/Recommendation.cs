namespace CdsBone.Rules.Evaluation;

/// <summary>The recommendation codes of CLINICAL-RULES.md §5: a public contract, carried as <c>card.source.topic</c>.</summary>
public enum Recommendation
{
    /// <summary><c>do-not-start</c>: the AI being ordered should not be started.</summary>
    DoNotStart,
    /// <summary><c>stop</c>: stop (or do not renew) the AI the patient is on.</summary>
    Stop,
    /// <summary><c>reduce-dose</c>: lower the dose or frequency; recheck.</summary>
    ReduceDose,
    /// <summary><c>protect-bone</c>: low bone mass on an AI.</summary>
    ProtectBone,
    /// <summary><c>obtain-labs</c>: a decision needs data that is missing, stale, pending or unusable.</summary>
    ObtainLabs,
    /// <summary><c>start-consider</c>: starting may be reasonable, lowest dose, with monitoring.</summary>
    StartConsider,
    /// <summary><c>no-change</c>: continue; next monitoring due.</summary>
    NoChange,
    /// <summary><c>defer-to-oncology</c>: the AI is oncology-managed; bone monitoring only.</summary>
    DeferToOncology,
}

/// <summary>Wire codes and precedence of <see cref="Recommendation"/>.</summary>
public static class RecommendationCodes
{
    /// <summary>The code as integrators read it, e.g. <c>reduce-dose</c>.</summary>
    public static string ToCode(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.DoNotStart => "do-not-start",
        Recommendation.Stop => "stop",
        Recommendation.ReduceDose => "reduce-dose",
        Recommendation.ProtectBone => "protect-bone",
        Recommendation.ObtainLabs => "obtain-labs",
        Recommendation.StartConsider => "start-consider",
        Recommendation.NoChange => "no-change",
        Recommendation.DeferToOncology => "defer-to-oncology",
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, null),
    };

    /// <summary>A short human label for the code.</summary>
    public static string ToDisplay(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.DoNotStart => "Do not start the aromatase inhibitor",
        Recommendation.Stop => "Stop the aromatase inhibitor",
        Recommendation.ReduceDose => "Reduce the aromatase-inhibitor dose",
        Recommendation.ProtectBone => "Protect bone on aromatase-inhibitor therapy",
        Recommendation.ObtainLabs => "Obtain the labs the decision needs",
        Recommendation.StartConsider => "Starting may be considered at the lowest dose",
        Recommendation.NoChange => "No change; continue monitoring",
        Recommendation.DeferToOncology => "Defer to oncology; bone monitoring",
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, null),
    };

    /// <summary>
    /// Rank of a decision code, higher wins (§5 Precedence): stop = do-not-start &gt; reduce-dose &gt; protect-bone &gt;
    /// start-consider &gt; no-change. Labs and oncology codes have their own cards and rank 0.
    /// </summary>
    public static int DecisionRank(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.Stop or Recommendation.DoNotStart => 5,
        Recommendation.ReduceDose => 4,
        Recommendation.ProtectBone => 3,
        Recommendation.StartConsider => 2,
        Recommendation.NoChange => 1,
        _ => 0,
    };
}
