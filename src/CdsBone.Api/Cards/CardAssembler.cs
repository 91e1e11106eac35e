using System.Globalization;
using System.Text.Json.Nodes;
using CdsBone.Api.CdsHooks;
using CdsBone.Api.Options;
using CdsBone.Fhir.Prefetch;
using CdsBone.Rules.Codes;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Picture;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Cards;

/// <summary>Turns decisions into CDS Hooks cards following the card contract of CLINICAL-RULES.md §6.</summary>
public sealed class CardAssembler(IOptions<CdsBoneOptions> options)
{
    /// <summary>The source label every card carries.</summary>
    public const string SourceLabel = "CdsBone — anastrozole and bone health";

    /// <summary>The extension key of the machine-readable evidence.</summary>
    public const string ExtensionKey = "org.cdsbone";

    private readonly CdsBoneOptions _options = options.Value;

    /// <summary>The cards of <paramref name="result"/>, in order: decision, labs, context.</summary>
    public IReadOnlyList<Card> Assemble(EvaluationResult result, HookResources resources, string patientId)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Decisions.Select(d => Card(d, result.RulesetVersion, resources, patientId)).ToList();
    }

    private Card Card(Decision decision, string rulesetVersion, HookResources resources, string patientId)
    {
        var suggestions = SuggestionBuilder.For(decision, resources, patientId);
        var links = decision.RuleIds.SelectMany(Citations.For).Distinct()
            .Select(c => new CardLink($"Evidence [{c.Key}]: {c.Title}", c.Url, "absolute"))
            .ToList();
        return new Card
        {
            Uuid = CardId.New(decision.RuleIds, decision.Recommendation),
            Summary = decision.Summary,
            Detail = DetailMarkdown.For(decision, rulesetVersion),
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
            Extension = new JsonObject { [ExtensionKey] = Extension(decision, rulesetVersion) },
        };
    }

    private Coding Topic(Recommendation recommendation) =>
        new($"{_options.CanonicalBase.TrimEnd('/')}/CodeSystem/recommendation", recommendation.ToCode(), recommendation.ToDisplay());

    private static JsonObject Extension(Decision decision, string rulesetVersion)
    {
        var extension = new JsonObject
        {
            ["ruleIds"] = new JsonArray(decision.RuleIds.Select(r => (JsonNode)JsonValue.Create(r.ToString())).ToArray()),
            ["rulesetVersion"] = rulesetVersion,
        };
        var evidence = new JsonArray(decision.Evidence.Select(Evidence).ToArray<JsonNode?>());
        if (evidence.Count > 0)
        {
            extension["evidence"] = evidence;
        }

        return extension;
    }

    /// <summary>One evidence item; absent values are omitted, never null (checklist 1.A.2).</summary>
    private static JsonObject Evidence(EvidenceItem item)
    {
        var json = new JsonObject { ["analyte"] = item.Analyte };
        if (item.Code is { System: CodeSystems.Loinc } code)
        {
            json["loinc"] = code.Code;
        }

        if (item.Value is { } value)
        {
            json["value"] = Math.Round(value, 3, MidpointRounding.AwayFromZero);
        }

        json["unit"] = item.Unit;
        if (item.Comparator != Rules.Facts.Comparator.None)
        {
            json["comparator"] = Describe.Comparator(item.Comparator);
        }

        if (item.ReceivedValue is { } received)
        {
            json["receivedValue"] = received;
        }

        if (!string.IsNullOrEmpty(item.ReceivedUnit))
        {
            json["receivedUnit"] = item.ReceivedUnit;
        }

        if (item.Effective is { } effective)
        {
            json["effective"] = effective.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        json["status"] = item.Status;
        if (item.Assay is { } assay)
        {
            json["assay"] = assay;
        }

        if (item.Source is { } source)
        {
            json["observation"] = source;
        }

        if (item.DerivedFrom is { Count: > 0 } derived)
        {
            json["derivedFrom"] = new JsonArray(derived.Select(d => (JsonNode)JsonValue.Create(d)).ToArray());
        }

        return json;
    }
}
