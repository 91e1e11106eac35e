using System.Text.Json;
using CdsBone.Api.CdsHooks;
using CdsBone.Api.Discovery;
using CdsBone.Api.Errors;
using CdsBone.Fhir.Prefetch;

namespace CdsBone.Api.Services;

/// <summary>Reads the hook context the FHIR layer needs: patientId (required by every hook), draftOrders and selections.</summary>
internal static class HookInputReader
{
    public static (HookInput? Input, string? PatientId, CdsError? Error) Read(CdsService service, CdsServiceRequest request)
    {
        var context = request.Context;
        if (!context.TryGetProperty("patientId", out var patient) || patient.ValueKind != JsonValueKind.String || patient.GetString() is not { Length: > 0 } patientId)
        {
            return (null, null, new MalformedRequest("'context.patientId' is required and must be a string", "context.patientId"));
        }

        JsonElement? draftOrders = context.TryGetProperty("draftOrders", out var drafts) && drafts.ValueKind == JsonValueKind.Object ? drafts : null;
        IReadOnlyList<string> selections = context.TryGetProperty("selections", out var selected) && selected.ValueKind == JsonValueKind.Array
            ? selected.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList()
            : [];
        var prefetch = request.Prefetch ?? new Dictionary<string, JsonElement>();
        return (new HookInput(service.Trigger, draftOrders, selections, prefetch), patientId, null);
    }
}
