using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Facts;
using CdsBone.Rules.Picture;

namespace CdsBone.Rules.Assembly;

/// <summary>
/// Groups findings into at most three decisions (§5 Precedence and card assembly): the decision card carries the
/// highest-ranked decision code with the others as further reasons; the labs card merges every obtain-labs finding;
/// the context card is T5. Each card's values table holds what its findings used, with the sites of the DXA study that
/// were compared and the inputs of a calculated free testosterone; every other recognised result is in the shared
/// "Not used" list (<see cref="IgnoredResults"/>).
/// </summary>
internal static class DecisionAssembler
{
    /// <summary>CDS Hooks: a summary SHALL be under 140 characters.</summary>
    internal const int MaxSummaryLength = 139;

    public static (IReadOnlyList<Decision> Decisions, IReadOnlyList<IgnoredResult> Ignored) Assemble(
        IReadOnlyList<RuleFinding> findings, IReadOnlyList<ContextNote> notes, ClinicalPicture picture)
    {
        var cards = new List<CardPlan>(3);
        var decisionFindings = findings.Where(f => f.Recommendation.DecisionRank() > 0).ToList();
        if (decisionFindings.Count > 0)
        {
            var topRank = decisionFindings.Max(f => f.Recommendation.DecisionRank());
            var top = decisionFindings.Where(f => f.Recommendation.DecisionRank() == topRank).ToList();
            var ordered = top.Concat(decisionFindings.Where(f => f.Recommendation.DecisionRank() != topRank)).ToList();
            cards.Add(new(DecisionKind.Decision, top[0].Recommendation, ordered, [.. top.SelectMany(f => f.Actions)], FreeTestosteroneRows(picture)));
        }

        var labs = findings.Where(f => f.Recommendation == Recommendation.ObtainLabs).ToList();
        if (labs.Count > 0)
        {
            var ordered = labs.OrderByDescending(f => f.Indicator).ToList();
            var tests = ordered.SelectMany(f => f.Actions).DistinctBy(a => a is OrderTest order ? (object)order.Test : a);
            cards.Add(new(DecisionKind.Labs, Recommendation.ObtainLabs, ordered, [.. tests], []));
        }

        var context = findings.Where(f => f.Recommendation == Recommendation.DeferToOncology).ToList();
        if (context.Count > 0)
        {
            cards.Add(new(DecisionKind.Context, Recommendation.DeferToOncology, context, [], []));
        }

        var evidence = cards.Select(c => Evidence(c, picture)).ToList();
        var ignored = IgnoredResults.Collect(picture, evidence.SelectMany(e => e));
        var decisions = cards.Select((c, i) => Build(c, evidence[i], notes, ignored)).ToList();
        return (decisions, ignored);
    }

    /// <summary>A card before its values table and "Not used" list are known.</summary>
    private sealed record CardPlan(
        DecisionKind Kind, Recommendation Recommendation, List<RuleFinding> Findings, List<SuggestedAction> Actions, List<EvidenceItem> ExtraEvidence);

    // A calculated free testosterone is shown on a man's decision card with the three results it came from.
    private static List<EvidenceItem> FreeTestosteroneRows(ClinicalPicture picture) =>
        picture.Androgens.CalculatedFreeTestosterone is { } ft && picture.IsMale
            ? [ft, .. RuleContext.Evidence(picture.Androgens.TotalTestosterone, picture.Androgens.Shbg, picture.Androgens.Albumin)]
            : [];

    private static List<EvidenceItem> Evidence(CardPlan card, ClinicalPicture picture)
    {
        var rows = card.Findings.SelectMany(f => f.Evidence).Concat(card.ExtraEvidence).ToList();

        // A lowest T- or Z-score was read against the study's other sites: those sites are in the table too (§5).
        var sources = rows.Select(r => r.Source).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var measure in new[] { DxaMeasure.TScore, DxaMeasure.ZScore })
        {
            var considered = picture.Bone.ConsideredScores(measure);
            if (considered.Any(r => sources.Contains(r.SourceId)))
            {
                rows.AddRange(considered.Select(Describe.Evidence));
            }
        }

        return rows.DistinctBy(e => (e.Source, e.Analyte)).ToList();
    }

    private static Decision Build(CardPlan card, List<EvidenceItem> evidence, IReadOnlyList<ContextNote> notes, IReadOnlyList<IgnoredResult> ignored)
    {
        var (kind, recommendation, findings, actions) = (card.Kind, card.Recommendation, card.Findings, card.Actions);
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
