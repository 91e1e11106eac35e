using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using CdsBone.Cli.Ehr;
using CdsBone.Cli.Patients;
using Spectre.Console;

namespace CdsBone.Cli.Commands;

/// <summary><c>cdsbone patients load --fhir BASE [--dir samples/patients]</c>.</summary>
internal static class PatientsCommand
{
    public static Command Build(CliServices services)
    {
        var fhir = new Option<string>("--fhir") { Description = "FHIR R4 server base, e.g. http://127.0.0.1:8090/fhir", Required = true };
        var fhirToken = new Option<string?>("--fhir-token") { Description = "Bearer token for the FHIR server" };
        var dir = new Option<string>("--dir") { Description = "Directory of test patients (index.json + transaction Bundles)", DefaultValueFactory = _ => Path.Combine("samples", "patients") };
        var keepDates = new Option<bool>("--keep-dates") { Description = "Load the dates as written instead of moving them to today" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };

        var load = new Command("load", "Load test patients into a FHIR server as transaction Bundles (PUT by id: idempotent), dated relative to today")
        {
            fhir, fhirToken, dir, keepDates, json,
        };
        load.SetAction(async (parse, cancellationToken) =>
        {
            var server = new FhirServer(services.Http, parse.GetValue(fhir)!, parse.GetValue(fhirToken));
            var set = PatientSet.Read(parse.GetValue(dir)!);
            if (set.Patients.Count == 0)
            {
                throw new CliException($"no patients in {parse.GetValue(dir)}", ExitCodes.Usage);
            }

            var days = parse.GetValue(keepDates) || set.AsOf is not { } asOf ? 0 : services.Today.DayNumber - asOf.DayNumber;
            var results = new List<LoadResult>();
            foreach (var patient in set.Patients)
            {
                results.Add(await PatientLoader.LoadAsync(server, patient, days, cancellationToken));
            }

            Report(services, results, days, server.Base, parse.GetValue(json));
            var failed = results.Count(r => r.Problem is not null);
            if (failed > 0)
            {
                throw new CliException($"{failed} of {results.Count} patients failed to load");
            }

            return ExitCodes.Success;
        });

        return new Command("patients", "Test patients") { load };
    }

    private static void Report(CliServices services, List<LoadResult> results, int days, string server, bool json)
    {
        if (json)
        {
            var array = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id, ["resources"] = r.Resources, ["status"] = r.Status, ["problem"] = r.Problem,
            })]);
            services.Output.WriteLine(new JsonObject { ["fhir"] = server, ["daysShifted"] = days, ["patients"] = array }.ToJsonString());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("patient", "resources", "HTTP", "result");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.Id),
                r.Resources.ToString(CultureInfo.InvariantCulture),
                r.Status.ToString(CultureInfo.InvariantCulture),
                r.Problem is null ? "[green]loaded[/]" : $"[red]{Markup.Escape(r.Problem)}[/]");
        }

        services.Console.Write(table);
        services.Console.MarkupLine(Markup.Escape($"{results.Count(r => r.Problem is null)} of {results.Count} patients loaded into {server}; dates moved by {days} days"));
    }
}
