using System.Text.Json;
using static CdsBone.Cli.Conformance.JsonShape;

namespace CdsBone.Cli.Conformance;

/// <summary>
/// The response and card contract of CDS Hooks 2.0 (CDS-HOOKS.md §1.E, items 21–27, and §1.A item 2): what a client
/// may rely on. Returns the problems found; none means the response conforms.
/// </summary>
internal static class CardContract
{
    /// <summary>CDS Hooks: a summary is one sentence under 140 characters.</summary>
    public const int MaxSummaryLength = 140;

    private static readonly string[] Indicators = ["info", "warning", "critical"];
    private static readonly string[] SelectionBehaviors = ["at-most-one", "any"];
    private static readonly string[] ActionTypes = ["create", "update", "delete"];
    private static readonly string[] LinkTypes = ["absolute", "smart"];

    public static IReadOnlyList<string> Problems(JsonElement response)
    {
        var problems = new List<string>();
        if (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("cards", out var cards) || cards.ValueKind != JsonValueKind.Array)
        {
            return ["the body is not an object with a 'cards' array (item 21)"];
        }

        if (response.TryGetProperty("systemActions", out var systemActions))
        {
            if (systemActions.ValueKind != JsonValueKind.Array)
            {
                problems.Add("systemActions is not an array (item 21)");
            }
            else
            {
                var i = 0;
                foreach (var action in systemActions.EnumerateArray())
                {
                    Action(action, $"systemActions[{i++}]", problems);
                }
            }
        }

        var index = 0;
        foreach (var card in cards.EnumerateArray())
        {
            Card(card, $"cards[{index++}]", problems);
        }

        problems.AddRange(NullOrEmpty(response, path => path == "$.cards").Select(p => $"{p} is null or empty (item 2)"));
        return problems;
    }

    private static void Card(JsonElement card, string at, List<string> problems)
    {
        if (card.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at} is not an object");
            return;
        }

        if (String(card, "summary") is not { Length: > 0 } summary)
        {
            problems.Add($"{at}.summary is missing (item 22)");
        }
        else if (summary.Length >= MaxSummaryLength)
        {
            problems.Add($"{at}.summary has {summary.Length} characters, not < {MaxSummaryLength} (item 22)");
        }

        if (!Indicators.Contains(String(card, "indicator")))
        {
            problems.Add($"{at}.indicator is not info, warning or critical (item 22)");
        }

        Source(card, at, problems);
        Suggestions(card, at, problems);
        Codings(card, "overrideReasons", at, problems);
        Links(card, at, problems);
        if (card.TryGetProperty("uuid", out var uuid) && (uuid.ValueKind != JsonValueKind.String || !Guid.TryParse(uuid.GetString(), out _)))
        {
            problems.Add($"{at}.uuid is not a UUID (item 22)");
        }
    }

    private static void Source(JsonElement card, string at, List<string> problems)
    {
        if (!card.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}.source is missing (item 22)");
            return;
        }

        if (!IsNonEmptyString(source, "label"))
        {
            problems.Add($"{at}.source.label is missing (item 23)");
        }

        foreach (var url in new[] { "url", "icon" })
        {
            if (source.TryGetProperty(url, out _) && !IsAbsoluteUrl(String(source, url)))
            {
                problems.Add($"{at}.source.{url} is not an absolute URL (item 23)");
            }
        }

        if (source.TryGetProperty("topic", out var topic) && (!IsNonEmptyString(topic, "system") || !IsNonEmptyString(topic, "code")))
        {
            problems.Add($"{at}.source.topic is not a Coding with system and code (item 27)");
        }
    }

    private static void Suggestions(JsonElement card, string at, List<string> problems)
    {
        if (!card.TryGetProperty("suggestions", out var suggestions))
        {
            return;
        }

        if (suggestions.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{at}.suggestions is not an array (item 22)");
            return;
        }

        var behaviour = String(card, "selectionBehavior");
        if (!SelectionBehaviors.Contains(behaviour))
        {
            problems.Add($"{at}.selectionBehavior must be at-most-one or any when suggestions are present (item 22)");
        }

        var recommended = 0;
        var i = 0;
        foreach (var suggestion in suggestions.EnumerateArray())
        {
            var here = $"{at}.suggestions[{i++}]";
            if (!IsNonEmptyString(suggestion, "label"))
            {
                problems.Add($"{here}.label is missing (item 24)");
            }

            if (suggestion.TryGetProperty("isRecommended", out var flag))
            {
                if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{here}.isRecommended is not a boolean (item 24)");
                }
                else if (flag.ValueKind == JsonValueKind.True)
                {
                    recommended++;
                }
            }

            if (suggestion.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array)
            {
                var j = 0;
                foreach (var action in actions.EnumerateArray())
                {
                    Action(action, $"{here}.actions[{j++}]", problems);
                }
            }
        }

        if (behaviour == "at-most-one" && recommended > 1)
        {
            problems.Add($"{at}: {recommended} suggestions recommended with at-most-one (item 24)");
        }
    }

    private static void Action(JsonElement action, string at, List<string> problems)
    {
        var type = String(action, "type");
        if (!ActionTypes.Contains(type))
        {
            problems.Add($"{at}.type is not create, update or delete (item 25)");
        }

        if (!IsNonEmptyString(action, "description"))
        {
            problems.Add($"{at}.description is missing (item 25)");
        }

        var hasResource = action.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object;
        if (type is "create" or "update" && !hasResource)
        {
            problems.Add($"{at}: a {type} carries the resource (item 25)");
        }

        if (type == "delete" && !IsNonEmptyString(action, "resourceId") && !action.TryGetProperty("resource", out _))
        {
            problems.Add($"{at}: a delete names its resourceId (item 25)");
        }
    }

    private static void Codings(JsonElement card, string name, string at, List<string> problems)
    {
        if (!card.TryGetProperty(name, out var codings))
        {
            return;
        }

        if (codings.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{at}.{name} is not an array (item 22)");
            return;
        }

        var i = 0;
        foreach (var coding in codings.EnumerateArray())
        {
            if (!IsNonEmptyString(coding, "system") || !IsNonEmptyString(coding, "code") || !IsNonEmptyString(coding, "display"))
            {
                problems.Add($"{at}.{name}[{i}] needs system, code and display (item 27)");
            }

            i++;
        }
    }

    private static void Links(JsonElement card, string at, List<string> problems)
    {
        if (!card.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var i = 0;
        foreach (var link in links.EnumerateArray())
        {
            var here = $"{at}.links[{i++}]";
            if (!IsNonEmptyString(link, "label") || !IsAbsoluteUrl(String(link, "url")))
            {
                problems.Add($"{here} needs a label and an absolute url (item 26)");
            }

            var type = String(link, "type");
            if (!LinkTypes.Contains(type))
            {
                problems.Add($"{here}.type is not absolute or smart (item 26)");
            }
            else if (type == "absolute" && link.TryGetProperty("appContext", out _))
            {
                problems.Add($"{here}.appContext is only for smart links (item 26)");
            }
        }
    }
}
