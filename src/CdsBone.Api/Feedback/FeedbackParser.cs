using System.Globalization;
using System.Text.Json;
using CdsBone.Api.CdsHooks;
using CdsBone.Api.Errors;

namespace CdsBone.Api.Feedback;

/// <summary>
/// Parses <c>{"feedback": [...]}</c>: several entries, repeats and overrides without a reason are all fine; a body that
/// breaks the shape (no array, an entry without a card uuid or a known outcome, a bad timestamp) is a 400.
/// </summary>
internal static class FeedbackParser
{
    private static readonly string[] Outcomes = ["accepted", "overridden"];

    public static (FeedbackRequest? Request, CdsError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = CdsJson.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var feedback) || feedback.ValueKind != JsonValueKind.Array)
            {
                return (null, new MalformedRequest("'feedback' is required and must be an array", "feedback"));
            }

            var entries = new List<FeedbackEntry>();
            var index = 0;
            foreach (var element in feedback.EnumerateArray())
            {
                var (entry, error) = Entry(element, $"feedback[{index++}]");
                if (error is not null)
                {
                    return (null, error);
                }

                entries.Add(entry!);
            }

            return (new FeedbackRequest(entries), null);
        }
        catch (JsonException ex)
        {
            return (null, new MalformedRequest($"the body is not valid JSON, or a string in it is not valid Unicode, or a property is repeated ({CdsJson.Where(ex)})"));
        }
    }

    private static (FeedbackEntry? Entry, CdsError? Error) Entry(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new MalformedRequest("each feedback entry must be an object", path));
        }

        if (String(element, "card") is not { Length: > 0 } card)
        {
            return (null, new MalformedRequest("'card' (the card uuid) is required", $"{path}.card"));
        }

        if (String(element, "outcome") is not { } outcome || !Outcomes.Contains(outcome))
        {
            return (null, new MalformedRequest("'outcome' must be 'accepted' or 'overridden'", $"{path}.outcome"));
        }

        DateTimeOffset? timestamp = null;
        if (element.TryGetProperty("outcomeTimestamp", out var time))
        {
            if (time.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, new MalformedRequest("'outcomeTimestamp' must be an RFC 3339 instant", $"{path}.outcomeTimestamp"));
            }

            timestamp = parsed;
        }

        var accepted = element.TryGetProperty("acceptedSuggestions", out var suggestions) && suggestions.ValueKind == JsonValueKind.Array
            ? suggestions.EnumerateArray().Select(s => String(s, "id")).OfType<string>().Select(id => new AcceptedSuggestion(id)).ToList()
            : null;
        return (new FeedbackEntry(card, outcome, accepted, Override(element), timestamp), null);
    }

    private static OverrideReason? Override(JsonElement element)
    {
        if (!element.TryGetProperty("overrideReason", out var reason) || reason.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        Coding? coding = reason.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.Object && String(r, "code") is { } code
            ? new Coding(String(r, "system") ?? string.Empty, code, String(r, "display"))
            : null;
        return new OverrideReason(coding, String(reason, "userComment"));
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
