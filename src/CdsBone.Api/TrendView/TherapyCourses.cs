using System.Globalization;
using System.Text.Json;
using CdsBone.Rules.Facts;

namespace CdsBone.Api.TrendView;

/// <summary>
/// The aromatase-inhibitor and testosterone courses: the therapies the hook's mapper recognised (class, agent, dose),
/// dated from their MedicationRequest: start = dosage <c>boundsPeriod.start</c>, else <c>authoredOn</c>; end =
/// <c>boundsPeriod.end</c>, else <c>dispenseRequest.validityPeriod.end</c>; none while it runs. Therapies the rules
/// do not read dates from, so the dates are read here, from the same resources.
/// </summary>
public static class TherapyCourses
{
    private const string ReferencePrefix = "MedicationRequest/";

    /// <summary>The courses of <paramref name="therapies"/>; a therapy without any date is left out (it cannot be placed).</summary>
    public static IReadOnlyList<TherapyCourse> From(IReadOnlyList<Therapy> therapies, IReadOnlyList<JsonElement> medicationRequests)
    {
        ArgumentNullException.ThrowIfNull(therapies);
        ArgumentNullException.ThrowIfNull(medicationRequests);
        var byReference = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var request in medicationRequests)
        {
            if (request.ValueKind == JsonValueKind.Object && request.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                byReference.TryAdd(ReferencePrefix + id.GetString(), request);
            }
        }

        var courses = new List<TherapyCourse>();
        foreach (var therapy in therapies.Where(t => t.Class is TherapyClass.AromataseInhibitor or TherapyClass.Testosterone))
        {
            if (therapy.Status is TherapyStatus.EnteredInError or TherapyStatus.Cancelled || !byReference.TryGetValue(therapy.SourceId, out var request))
            {
                continue;
            }

            var bounds = Path(request, "dosageInstruction", "timing", "repeat", "boundsPeriod");
            var start = Date(bounds, "start") ?? Date(request, "authoredOn");
            if (start is null)
            {
                continue;
            }

            var end = Date(bounds, "end") ?? Date(Path(request, "dispenseRequest", "validityPeriod"), "end");
            courses.Add(new TherapyCourse(therapy.Class, therapy.Description, therapy.Dose?.ToString(), start.Value, end, therapy.Status));
        }

        return courses.OrderBy(c => c.Start).ToList();
    }

    /// <summary>The element at <paramref name="names"/>, taking the first item of each array on the way.</summary>
    private static JsonElement? Path(JsonElement element, params string[] names)
    {
        var current = element;
        foreach (var name in names)
        {
            if (current.ValueKind == JsonValueKind.Array)
            {
                if (current.GetArrayLength() == 0)
                {
                    return null;
                }

                current = current[0];
            }

            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static DateTimeOffset? Date(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
