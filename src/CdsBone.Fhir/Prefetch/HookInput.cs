using System.Text.Json;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Fhir.Prefetch;

/// <summary>
/// The FHIR parts of a CDS Hooks request, as the host received them: the hook, the draft orders (or selections) and the
/// prefetch values as raw JSON, so that only this layer knows Firely.
/// </summary>
/// <param name="Trigger">The hook.</param>
/// <param name="DraftOrders">context.draftOrders (a Bundle), when sent.</param>
/// <param name="Selections">context.selections (references like <c>MedicationRequest/123</c>), for order-select.</param>
/// <param name="Prefetch">The prefetch values by key; a key missing from the map was absent, a JSON null means no data.</param>
public sealed record HookInput(
    HookTrigger Trigger,
    JsonElement? DraftOrders,
    IReadOnlyList<string> Selections,
    IReadOnlyDictionary<string, JsonElement> Prefetch);
