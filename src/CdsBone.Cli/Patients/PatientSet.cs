using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsBone.Cli.Patients;

/// <summary>One test patient of a patients directory.</summary>
/// <param name="Id">The Patient id.</param>
/// <param name="BundlePath">Its transaction Bundle.</param>
internal sealed record TestPatient(string Id, string BundlePath);

/// <summary>
/// A directory of test patients: <c>index.json</c> (<c>asOf</c>: the day the dates are relative to; <c>patients</c>:
/// id and bundle file of each), as <c>samples/patients/build.py</c> writes it. Without an index, every JSON file holding
/// a transaction or batch Bundle is a patient, dated as it is.
/// </summary>
internal sealed record PatientSet(DateOnly? AsOf, IReadOnlyList<TestPatient> Patients)
{
    public const string IndexFile = "index.json";

    public static PatientSet Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliException($"no directory {directory} (give --dir, e.g. samples/patients)", ExitCodes.Usage);
        }

        var index = Path.Combine(directory, IndexFile);
        return File.Exists(index) ? FromIndex(directory, index) : FromFiles(directory);
    }

    private static PatientSet FromIndex(string directory, string index)
    {
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(index))!;
            DateOnly? asOf = root["asOf"]?.GetValue<string>() is { } text
                ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            var patients = (root["patients"] as JsonArray ?? [])
                .Select(p => new TestPatient(p!["id"]!.GetValue<string>(), Path.Combine(directory, p["bundle"]!.GetValue<string>())))
                .ToList();
            return new PatientSet(asOf, patients);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            throw new CliException($"{index} is not a patients index: {ex.Message}", ExitCodes.Usage);
        }
    }

    private static PatientSet FromFiles(string directory)
    {
        var patients = new List<TestPatient>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var node = JsonNode.Parse(File.ReadAllText(file));
                if (node?["resourceType"]?.GetValue<string>() == "Bundle" && node["type"]?.GetValue<string>() is "transaction" or "batch")
                {
                    patients.Add(new TestPatient(Path.GetFileNameWithoutExtension(file), file));
                }
            }
            catch (JsonException)
            {
                // Not a Bundle: not a patient.
            }
        }

        return new PatientSet(null, patients);
    }
}
