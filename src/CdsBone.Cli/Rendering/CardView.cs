using System.Text.Json;
using CdsBone.Api.CdsHooks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CdsBone.Cli.Rendering;

/// <summary>
/// Renders a CDS Hooks response in the terminal: per card the indicator in colour, the summary, the detail, the
/// suggestions, the links, the recommendation (source.topic) and the rule ids of CdsBone's extension. Reads the JSON
/// leniently, so that any service's cards show, not only CdsBone's.
/// </summary>
internal static class CardView
{
    public static void Write(IAnsiConsole console, JsonElement response)
    {
        var cards = response.ValueKind == JsonValueKind.Object && response.TryGetProperty("cards", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().ToList()
            : [];
        if (cards.Count == 0)
        {
            console.MarkupLine("[grey](no cards: the service has no advice for this patient)[/]");
            return;
        }

        foreach (var card in cards)
        {
            console.Write(Safely(card));
        }
    }

    /// <summary>The card, or its raw JSON when what a service sent cannot be laid out (never a crash).</summary>
    public static IRenderable Safely(JsonElement card)
    {
        try
        {
            return Card(card);
        }
        catch (InvalidOperationException)
        {
            return new Panel(new Text(card.GetRawText())) { Header = new PanelHeader("card (shown raw)"), Expand = true };
        }
    }

    public static Panel Card(JsonElement card)
    {
        var indicator = Text(card, "indicator") ?? "?";
        var colour = IndicatorColour(indicator);
        var rows = new List<IRenderable> { new Markup($"[bold]{Markup.Escape(Text(card, "summary") ?? "(no summary)")}[/]") };

        if (Text(card, "detail") is { } detail)
        {
            rows.Add(Spectre.Console.Text.Empty);
            rows.Add(MarkdownText.Render(detail));
        }

        AddSuggestions(card, rows);
        AddLinks(card, rows);
        rows.Add(Spectre.Console.Text.Empty);
        rows.Add(new Markup($"[grey]{Markup.Escape(Provenance(card))}[/]"));

        return new Panel(new Rows(rows))
        {
            Header = new PanelHeader($"[{colour} bold] {Markup.Escape(indicator.ToUpperInvariant())} [/]"),
            Border = BoxBorder.Rounded,
            BorderStyle = new Style(IndicatorColourValue(indicator)),
            Expand = true,
        };
    }

    /// <summary>Recommendation, rules, ruleset, source and card uuid, on one line.</summary>
    public static string Provenance(JsonElement card)
    {
        var parts = new List<string>();
        if (card.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            if (source.TryGetProperty("topic", out var topic) && Text(topic, "code") is { } code)
            {
                parts.Add($"recommendation: {code}");
            }

            if (Text(source, "label") is { } label)
            {
                parts.Add($"source: {label}");
            }
        }

        if (card.TryGetProperty("extension", out var extension) && extension.ValueKind == JsonValueKind.Object
            && extension.TryGetProperty(CardExtensions.Key, out var ours) && ours.ValueKind == JsonValueKind.Object)
        {
            if (ours.TryGetProperty("ruleIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                parts.Add($"rules: {string.Join(", ", ids.EnumerateArray().Select(i => i.ToString()))}");
            }

            if (Text(ours, "rulesetVersion") is { } version)
            {
                parts.Add($"ruleset {version}");
            }
        }

        if (Text(card, "uuid") is { } uuid)
        {
            parts.Add($"card {uuid}");
        }

        return string.Join(" · ", parts);
    }

    private static void AddSuggestions(JsonElement card, List<IRenderable> rows)
    {
        if (!card.TryGetProperty("suggestions", out var suggestions) || suggestions.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        rows.Add(Spectre.Console.Text.Empty);
        rows.Add(new Markup($"[bold]Suggestions[/] [grey]({Markup.Escape(Text(card, "selectionBehavior") ?? "no selectionBehavior")})[/]"));
        foreach (var suggestion in suggestions.EnumerateArray())
        {
            var recommended = suggestion.TryGetProperty("isRecommended", out var r) && r.ValueKind == JsonValueKind.True;
            var mark = recommended ? "[green]★[/]" : "•";
            rows.Add(new Markup($" {mark} {Markup.Escape(Text(suggestion, "label") ?? "(no label)")} [grey]{Markup.Escape(Text(suggestion, "uuid") ?? string.Empty)}[/]"));
            if (suggestion.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array)
            {
                foreach (var action in actions.EnumerateArray())
                {
                    rows.Add(new Markup($"     [grey]{Markup.Escape(Text(action, "type") ?? "?")}: {Markup.Escape(Text(action, "description") ?? string.Empty)}[/]"));
                }
            }
        }
    }

    private static void AddLinks(JsonElement card, List<IRenderable> rows)
    {
        if (!card.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        rows.Add(Spectre.Console.Text.Empty);
        rows.Add(new Markup("[bold]Links[/]"));
        foreach (var link in links.EnumerateArray())
        {
            rows.Add(new Markup($" • {Markup.Escape(Text(link, "label") ?? "(no label)")} [blue]{Markup.Escape(Text(link, "url") ?? string.Empty)}[/]"));
        }
    }

    private static string IndicatorColour(string indicator) => indicator switch
    {
        "critical" => "white on red",
        "warning" => "black on yellow",
        "info" => "white on blue",
        _ => "white on grey",
    };

    private static Color IndicatorColourValue(string indicator) => indicator switch
    {
        "critical" => Color.Red,
        "warning" => Color.Yellow,
        "info" => Color.Blue,
        _ => Color.Grey,
    };

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
