using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsBone.Api.Tests.Support;

/// <summary>
/// Checks a CDS Hooks response against CDS-HOOKS.md §1.E (2.0.1) and CLINICAL-RULES.md §6 (the card contract).
/// Returns every violation, so a failing test says all that is wrong at once.
/// </summary>
internal static class CardContract
{
    private static readonly string[] Indicators = ["info", "warning", "critical"];
    private static readonly string[] ActionTypes = ["create", "update", "delete"];
    private static readonly string[] Recommendations = ["do-not-start", "stop", "reduce-dose", "protect-bone", "obtain-labs", "start-consider", "no-change", "defer-to-oncology"];

    public static void AssertValid(JsonObject response, bool male)
    {
        var problems = Check(response, male).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static IEnumerable<string> Check(JsonObject response, bool male)
    {
        foreach (var problem in NoNullOrEmpty(response, "$"))
        {
            yield return problem;
        }

        if (response["cards"] is not JsonArray cards)
        {
            yield return "cards: required array";
            yield break;
        }

        if (cards.Count > 3)
        {
            yield return $"cards: at most three (decision, labs, context), got {cards.Count}";
        }

        foreach (var (card, i) in cards.Select((c, i) => (c!.AsObject(), i)))
        {
            foreach (var problem in CheckCard(card, male))
            {
                yield return $"cards[{i}]: {problem}";
            }
        }
    }

    private static IEnumerable<string> CheckCard(JsonObject card, bool male)
    {
        if (!Guid.TryParse(Str(card, "uuid"), out _))
        {
            yield return "uuid must be a UUID";
        }

        var summary = Str(card, "summary");
        if (string.IsNullOrWhiteSpace(summary) || summary.Length >= 140)
        {
            yield return $"summary must be 1–139 characters, got {summary?.Length ?? 0}";
        }

        if (!Indicators.Contains(Str(card, "indicator")))
        {
            yield return "indicator must be info, warning or critical";
        }

        var source = card["source"] as JsonObject;
        if (string.IsNullOrEmpty(Str(source, "label")))
        {
            yield return "source.label is required";
        }

        if (!IsAbsolute(Str(source, "url")))
        {
            yield return "source.url must be absolute";
        }

        var topic = source?["topic"] as JsonObject;
        if (!Recommendations.Contains(Str(topic, "code")) || string.IsNullOrEmpty(Str(topic, "system")) || string.IsNullOrEmpty(Str(topic, "display"))
            || Str(topic, "system")?.EndsWith("/CodeSystem/recommendation", StringComparison.Ordinal) != true)
        {
            yield return "source.topic must be the recommendation Coding (system, code, display)";
        }

        var detail = Str(card, "detail") ?? string.Empty;
        if (!detail.Contains("**Why**", StringComparison.Ordinal) || !detail.Contains("Rules: ", StringComparison.Ordinal))
        {
            yield return "detail must give the reasons and the rules";
        }

        if (male && !detail.Contains("off-label", StringComparison.Ordinal))
        {
            yield return "detail must say that AI use in men is off-label";
        }

        foreach (var problem in CheckSuggestions(card))
        {
            yield return problem;
        }

        if (card["overrideReasons"] is not JsonArray reasons || reasons.Count == 0
            || reasons.Any(r => string.IsNullOrEmpty(Str(r as JsonObject, "display")) || string.IsNullOrEmpty(Str(r as JsonObject, "code")) || string.IsNullOrEmpty(Str(r as JsonObject, "system"))))
        {
            yield return "overrideReasons must be Codings with system, code and display";
        }

        if (card["links"] is JsonArray links && links.Any(l => Str(l as JsonObject, "type") != "absolute" || !IsAbsolute(Str(l as JsonObject, "url")) || string.IsNullOrEmpty(Str(l as JsonObject, "label"))))
        {
            yield return "links must be absolute with label and url";
        }

        var extension = card["extension"]?["org.cdsbone"] as JsonObject;
        if (extension?["ruleIds"] is not JsonArray { Count: > 0 } || string.IsNullOrEmpty(Str(extension, "rulesetVersion")))
        {
            yield return "extension.org.cdsbone must carry ruleIds and rulesetVersion";
        }

        foreach (var item in (extension?["evidence"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (string.IsNullOrEmpty(Str(item, "analyte")) || string.IsNullOrEmpty(Str(item, "unit")) || string.IsNullOrEmpty(Str(item, "status")))
            {
                yield return "each evidence item needs analyte, unit and status";
            }
        }
    }

    private static IEnumerable<string> CheckSuggestions(JsonObject card)
    {
        if (card["suggestions"] is not JsonArray suggestions)
        {
            if (card["selectionBehavior"] is not null)
            {
                yield return "selectionBehavior without suggestions";
            }

            yield break;
        }

        if (Str(card, "selectionBehavior") != "at-most-one")
        {
            yield return "selectionBehavior must be at-most-one when suggestions are present";
        }

        if (suggestions.Count(s => s?["isRecommended"]?.GetValue<bool>() == true) > 1)
        {
            yield return "at most one suggestion may be recommended with at-most-one";
        }

        foreach (var suggestion in suggestions.OfType<JsonObject>())
        {
            if (string.IsNullOrEmpty(Str(suggestion, "label")) || !Guid.TryParse(Str(suggestion, "uuid"), out _))
            {
                yield return "each suggestion needs a label and a uuid";
            }

            foreach (var action in (suggestion["actions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = Str(action, "type");
                if (!ActionTypes.Contains(type) || string.IsNullOrEmpty(Str(action, "description")))
                {
                    yield return "each action needs a type and a description";
                }

                if (type is "create" or "update" && action["resource"] is not JsonObject)
                {
                    yield return $"a {type} action carries the resource";
                }

                if (type == "delete" && Str(action, "resourceId")?.Contains('/', StringComparison.Ordinal) != true)
                {
                    yield return "a delete action carries resourceId as a relative reference";
                }
            }
        }
    }

    /// <summary>Checklist 1.A.2: no null or empty value anywhere, except the top-level empty cards array.</summary>
    private static IEnumerable<string> NoNullOrEmpty(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                yield return $"{path} is null";
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    yield return $"{path} is an empty object";
                }

                foreach (var (name, child) in obj)
                {
                    foreach (var problem in NoNullOrEmpty(child, $"{path}.{name}"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonArray array:
                if (array.Count == 0 && path != "$.cards")
                {
                    yield return $"{path} is an empty array";
                }

                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in NoNullOrEmpty(array[i], $"{path}[{i}]"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0:
                yield return $"{path} is an empty string";
                break;
        }
    }

    private static string? Str(JsonObject? obj, string name) => obj?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool IsAbsolute(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
