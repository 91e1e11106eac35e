using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Assembly;

/// <summary>
/// Groups findings into at most three decisions (§5 Precedence and card assembly): the decision card carries the
/// highest-ranked decision code with the others as further reasons; the labs card merges every obtain-labs finding;
/// the context card is T5.
/// </summary>
internal static class DecisionAssembler
{
    /// <summary>CDS Hooks: a summary SHALL be under 140 characters.</summary>
    internal const int MaxSummaryLength = 139;

    public static IReadOnlyList<Decision> Assemble(
        IReadOnlyList<RuleFinding> findings, IReadOnlyList<ContextNote> notes, IReadOnlyList<IgnoredResult> ignored, ClinicalPicture picture)
    {
        var decisions = new List<Decision>(3);
        var decisionFindings = findings.Where(f => f.Recommendation.DecisionRank() > 0).ToList();
        if (decisionFindings.Count > 0)
        {
            var topRank = decisionFindings.Max(f => f.Recommendation.DecisionRank());
            var top = decisionFindings.Where(f => f.Recommendation.DecisionRank() == topRank).ToList();
            var ordered = top.Concat(decisionFindings.Except(top)).ToList();
            var extraEvidence = picture.Androgens.CalculatedFreeTestosterone is { } ft && picture.IsMale ? [ft] : Array.Empty<EvidenceItem>();
            decisions.Add(Build(DecisionKind.Decision, top[0].Recommendation, ordered, top.SelectMany(f => f.Actions), extraEvidence, notes, ignored));
        }

        var labs = findings.Where(f => f.Recommendation == Recommendation.ObtainLabs).ToList();
        if (labs.Count > 0)
        {
            var ordered = labs.OrderByDescending(f => f.Indicator).ToList();
            var tests = ordered.SelectMany(f => f.Actions).DistinctBy(a => a is OrderTest order ? (object)order.Test : a);
            decisions.Add(Build(DecisionKind.Labs, Recommendation.ObtainLabs, ordered, tests, [], notes, ignored));
        }

        var context = findings.Where(f => f.Recommendation == Recommendation.DeferToOncology).ToList();
        if (context.Count > 0)
        {
            decisions.Add(Build(DecisionKind.Context, Recommendation.DeferToOncology, context, [], [], notes, ignored));
        }

        return decisions;
    }

    private static Decision Build(
        DecisionKind kind,
        Recommendation recommendation,
        List<RuleFinding> findings,
        IEnumerable<SuggestedAction> actions,
        IEnumerable<EvidenceItem> extraEvidence,
        IReadOnlyList<ContextNote> notes,
        IReadOnlyList<IgnoredResult> ignored)
    {
        var evidence = findings.SelectMany(f => f.Evidence).Concat(extraEvidence)
            .DistinctBy(e => (e.Source, e.Analyte))
            .ToList();
        var summary = findings.Count > 1 && kind == DecisionKind.Labs
            ? $"{findings[0].Summary} (+{findings.Count - 1} more)"
            : findings[0].Summary;
        return new Decision
        {
            Kind = kind,
            Recommendation = recommendation,
            Indicator = findings.Max(f => f.Indicator),
            Summary = Shorten(summary),
            Findings = findings,
            RuleIds = RuleIdsOf(findings, evidence, notes, ignored),
            Evidence = evidence,
            Actions = actions.Distinct().ToList(),
            Advice = findings.SelectMany(f => f.Advice).Distinct(StringComparer.Ordinal).ToList(),
            Notes = notes,
            Ignored = ignored,
        };
    }

    private static List<RuleId> RuleIdsOf(
        List<RuleFinding> findings, List<EvidenceItem> evidence, IReadOnlyList<ContextNote> notes, IReadOnlyList<IgnoredResult> ignored)
    {
        var ids = findings.Select(f => f.RuleId).ToList();
        ids.AddRange(notes.Select(n => n.RuleId).OfType<RuleId>());
        if (evidence.Any(e => e.Comparator != Comparator.None))
        {
            ids.Add(RuleId.D3);
        }

        if (ignored.Any(i => i.RuleId == RuleId.D1))
        {
            ids.Add(RuleId.D1);
        }

        return ids.Distinct().ToList();
    }

    private static string Shorten(string summary) =>
        summary.Length <= MaxSummaryLength ? summary : string.Concat(summary.AsSpan(0, MaxSummaryLength - 1), "…");
}
