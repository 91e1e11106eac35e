using System.Text.Json;
using System.Text.Json.Nodes;
using CdsBone.Cli.Ehr;

namespace CdsBone.Cli.Patients;

/// <summary>What loading one patient did.</summary>
/// <param name="Id">The patient.</param>
/// <param name="Resources">Resources sent.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Problem">Why it failed, if it did.</param>
internal sealed record LoadResult(string Id, int Resources, int Status, string? Problem);

/// <summary>Loads test patients into a FHIR server: one transaction per patient (PUT by id, so loading twice is harmless), dates moved by <c>days</c>.</summary>
internal static class PatientLoader
{
    public static async Task<LoadResult> LoadAsync(FhirServer fhir, TestPatient patient, int days, CancellationToken cancellationToken)
    {
        JsonNode bundle;
        try
        {
            bundle = JsonNode.Parse(await File.ReadAllTextAsync(patient.BundlePath, cancellationToken))!;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return new LoadResult(patient.Id, 0, 0, $"cannot read {patient.BundlePath}: {ex.Message}");
        }

        var moved = days == 0 ? bundle : DateShift.Apply(bundle, days)!;
        var count = (moved["entry"] as JsonArray)?.Count ?? 0;
        var answer = await fhir.TransactionAsync(moved.ToJsonString(), cancellationToken);
        var type = answer.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("type", out var t) ? t.GetString() : null;
        return answer.IsSuccess && type is "transaction-response" or "batch-response"
            ? new LoadResult(patient.Id, count, (int)answer.Status, BatchProblem(answer.Json!.Value))
            : new LoadResult(patient.Id, count, (int)answer.Status, answer.Reason);
    }

    /// <summary>A batch answers 200 even when entries fail: look inside.</summary>
    private static string? BatchProblem(JsonElement response)
    {
        if (!response.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var failed = entries.EnumerateArray()
            .Select(e => e.TryGetProperty("response", out var r) && r.TryGetProperty("status", out var s) ? s.GetString() : null)
            .Count(status => status is null || !status.StartsWith('2'));
        return failed == 0 ? null : $"{failed} entries failed";
    }
}
