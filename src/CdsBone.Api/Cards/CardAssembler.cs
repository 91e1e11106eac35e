using System.Globalization;
using CdsBone.Api.CdsHooks;
using CdsBone.Api.Options;
using CdsBone.Fhir.Prefetch;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;
using CdsBone.Rules.Terminology;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Cards;

/// <summary>
/// Turns decisions into CDS Hooks cards following the card contract of CLINICAL-RULES.md §6; with the trend view on,
/// each decision card also links to it.
/// </summary>
public sealed class CardAssembler(IOptions<CdsBoneOptions> options, TrendView.TrendViewCardLink? trendLink = null)
{
    /// <summary>The source label every card carries.</summary>
    public const string SourceLabel = "CdsBone — anastrozole and bone health";

    private readonly CdsBoneOptions _options = options.Value;

    /// <summary>The cards of <paramref name="result"/>, in order: decision, labs, context.</summary>
    public IReadOnlyList<Card> Assemble(EvaluationResult result, HookResources resources, string patientId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cards = new List<Card>(result.Decisions.Count);
        var notUsed = new NotUsedSections();
        foreach (var decision in result.Decisions)
        {
            cards.Add(Card(decision, result.RulesetVersion, resources, patientId, notUsed.For(decision.Ignored)));
        }

        return cards;
    }

    private Card Card(Decision decision, string rulesetVersion, HookResources resources, string patientId, string notUsed)
    {
        var suggestions = SuggestionBuilder.For(decision, resources, patientId);
        var links = decision.RuleIds.SelectMany(Citations.For).Distinct()
            .Select(c => new CardLink($"Evidence [{c.Key}]: {c.Title}", c.Url, "absolute"))
            .ToList();
        var uuid = CardId.New(decision.RuleIds, decision.Recommendation);
        if (trendLink?.For(uuid, decision, rulesetVersion) is { } trends)
        {
            links.Add(trends);
        }

        return new Card
        {
            Uuid = uuid,
            Summary = decision.Summary,
            Detail = DetailMarkdown.For(decision, rulesetVersion, notUsed),
            Indicator = decision.Indicator switch
            {
                Indicator.Critical => CardIndicator.Critical,
                Indicator.Warning => CardIndicator.Warning,
                _ => CardIndicator.Info,
            },
            Source = new CardSource(SourceLabel, _options.SourceUrl, Topic(decision.Recommendation)),
            Suggestions = suggestions,
            SelectionBehavior = suggestions is null ? null : "at-most-one",
            OverrideReasons = OverrideReasons.For(_options.CanonicalBase),
            Links = links.Count == 0 ? null : links,
            Extension = new CardExtensions(Extension(decision, rulesetVersion)),
        };
    }

    private Coding Topic(Recommendation recommendation) =>
        new($"{_options.CanonicalBase.TrimEnd('/')}/CodeSystem/recommendation", recommendation.ToCode(), recommendation.ToDisplay());

    private static CdsBoneExtension Extension(Decision decision, string rulesetVersion)
    {
        var ruleIds = new string[decision.RuleIds.Count];
        for (var i = 0; i < ruleIds.Length; i++)
        {
            ruleIds[i] = decision.RuleIds[i].ToString();
        }

        var evidence = new EvidenceEntry[decision.Evidence.Count];
        for (var i = 0; i < evidence.Length; i++)
        {
            evidence[i] = Evidence(decision.Evidence[i]);
        }

        var concepts = decision.Concepts.Select(c => new ConceptEntry
        {
            Reference = c.Reference,
            Class = c.Recognition.Class.ToCode(),
            RecognisedBy = c.Recognition.Kind,
            ValueSet = c.Recognition.ValueSet?.ToString(),
            Rule = c.Recognition.Rule,
        }).ToList();
        return new CdsBoneExtension(ruleIds, rulesetVersion, evidence.Length > 0 ? evidence : null, concepts.Count > 0 ? concepts : null);
    }

    /// <summary>One evidence item; absent values are omitted, never null (checklist 1.A.2).</summary>
    private static EvidenceEntry Evidence(EvidenceItem item) => new()
    {
        Analyte = item.Analyte,
        Loinc = item.Code is { System: CodeSystems.Loinc } code ? code.Code : null,
        Value = item.Value is { } value ? Math.Round(value, 3, MidpointRounding.AwayFromZero) : null,
        Unit = item.Unit,
        Comparator = item.Comparator != Rules.Facts.Comparator.None ? Describe.Comparator(item.Comparator) : null,
        ReceivedValue = item.ReceivedValue,
        ReceivedUnit = string.IsNullOrEmpty(item.ReceivedUnit) ? null : item.ReceivedUnit,
        Effective = item.Effective?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Status = item.Status,
        Assay = item.Assay,
        Observation = item.Source,
        DerivedFrom = item.DerivedFrom is { Count: > 0 } derived ? derived : null,
    };
}
