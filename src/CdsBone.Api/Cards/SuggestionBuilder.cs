using System.Text.Json.Nodes;
using CdsBone.Api.CdsHooks;
using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Suggestions;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Api.Cards;

/// <summary>
/// A decision's actions as suggestions (selectionBehavior <c>at-most-one</c>, so each suggestion is one alternative):
/// each order change is a suggestion of its own, the first recommended; missing tests are ordered together in one
/// suggestion, with single-test alternatives when there are several.
/// </summary>
internal static class SuggestionBuilder
{
    public static IReadOnlyList<Suggestion>? For(Decision decision, HookResources resources, string patientId)
    {
        var suggestions = new List<Suggestion>();
        foreach (var action in decision.Actions.Where(a => a is not OrderTest))
        {
            if (FhirActionFactory.Create(action, resources, patientId) is { } fhir)
            {
                suggestions.Add(Suggestion(action.Label, [fhir]));
            }
        }

        var tests = decision.Actions.OfType<OrderTest>()
            .Select(t => (t.Label, Action: FhirActionFactory.Create(t, resources, patientId)))
            .Where(t => t.Action is not null)
            .ToList();
        if (tests.Count > 1)
        {
            suggestions.Add(Suggestion($"Order all: {string.Join(", ", tests.Select(t => Lower(t.Label)))}", tests.Select(t => t.Action!)));
        }

        suggestions.AddRange(tests.Select(t => Suggestion(t.Label, [t.Action!])));
        if (suggestions.Count == 0)
        {
            return null;
        }

        suggestions[0] = suggestions[0] with { IsRecommended = true };
        return suggestions;
    }

    private static Suggestion Suggestion(string label, IEnumerable<FhirAction> actions) => new()
    {
        Label = label,
        Uuid = Guid.NewGuid().ToString(),
        Actions = actions.Select(a => new CdsAction
        {
            Type = a.Type,
            Description = a.Description,
            Resource = a.Resource is { } resource ? JsonNode.Parse(resource.GetRawText()) : null,
            ResourceId = a.ResourceId,
        }).ToList(),
    };

    private static string Lower(string label) => label.StartsWith("Order ", StringComparison.Ordinal) ? label["Order ".Length..] : label;
}
