using System.Text.Json;
using CdsBone.Fhir.Prefetch;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Fhir.Tests.Support;

/// <summary>Reads a CDS Hooks request file (fixtures, own patients) into the FHIR layer's <see cref="HookInput"/>.</summary>
internal static class HookRequestFile
{
    public static HookInput Load(string path) => Parse(File.ReadAllText(path));

    public static HookInput Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var trigger = root.GetProperty("hook").GetString() switch
        {
            "order-sign" => HookTrigger.OrderSign,
            "order-select" => HookTrigger.OrderSelect,
            "patient-view" => HookTrigger.PatientView,
            var other => throw new InvalidDataException($"unknown hook {other}"),
        };
        var context = root.GetProperty("context");
        JsonElement? draftOrders = context.TryGetProperty("draftOrders", out var drafts) ? drafts.Clone() : null;
        var selections = context.TryGetProperty("selections", out var selected)
            ? selected.EnumerateArray().Select(s => s.GetString()!).ToList()
            : [];
        var prefetch = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("prefetch", out var values))
        {
            foreach (var value in values.EnumerateObject())
            {
                prefetch[value.Name] = value.Value.Clone();
            }
        }

        return new HookInput(trigger, draftOrders, selections, prefetch);
    }
}
