using System.Text.Json.Nodes;
using CdsBone.Cli.Ehr;

namespace CdsBone.Cli.Conformance;

/// <summary>
/// The smallest valid request for a service: the hook's required context, and every prefetch key answered without a
/// FHIR server (the Patient for a Patient read, null for other reads, an empty searchset for searches), so that any
/// service can answer it without calling back.
/// </summary>
internal static class MinimalRequest
{
    public const string PatientId = "cdsbone-check-patient";
    private const string UserId = "Practitioner/cdsbone-check";

    public static JsonObject For(DiscoveredService service, DateOnly today)
    {
        var draft = Hooks.TakesDraftOrders(service.Hook)
            ? DraftOrders.FromOptions(new DraftMedication("199224", 1, 7), PatientId, today)
            : null;
        var context = Hooks.All.Contains(service.Hook)
            ? HookRequest.Context(new HookInput(service.Hook, PatientId, UserId, draft))
            : new JsonObject { ["userId"] = UserId, ["patientId"] = PatientId };
        return HookRequest.Body(service.Hook, context, Prefetch(service), null, PatientId);
    }

    private static JsonObject Prefetch(DiscoveredService service)
    {
        var prefetch = new JsonObject();
        foreach (var (key, template) in service.Prefetch)
        {
            var path = template.Split('?')[0].Trim('/');
            prefetch[key] = path.Contains('/', StringComparison.Ordinal)
                ? path.StartsWith("Patient/", StringComparison.Ordinal) ? Patient() : null
                : new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = 0 };
        }

        return prefetch;
    }

    private static JsonObject Patient() => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = PatientId,
        ["gender"] = "female",
        ["birthDate"] = "1960-01-01",
    };
}
