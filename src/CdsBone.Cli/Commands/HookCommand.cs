using System.CommandLine;
using System.Text.Json.Nodes;
using CdsBone.Cli.Ehr;
using CdsBone.Cli.Http;
using CdsBone.Cli.Rendering;

namespace CdsBone.Cli.Commands;

/// <summary>
/// <c>cdsbone hook URL --hook H --patient ID ...</c>: does what an EHR does. Reads discovery, fills the prefetch from the
/// FHIR server (or sends none, so that the service fetches), builds the draft order, signs a fresh token per call,
/// sends and renders the cards (or prints the response verbatim with --json).
/// </summary>
internal static class HookCommand
{
    public static Command Build(CliServices services)
    {
        var url = new Argument<string>("URL") { Description = "The service's base (http://localhost:8080) or one service's URL (.../cds-services/ID)" };
        var hook = new Option<string>("--hook") { Description = "The hook to fire", Required = true };
        hook.AcceptOnlyFromAmong(Hooks.All);
        var patient = new Option<string>("--patient") { Description = "context.patientId (a bare id)", Required = true };
        var user = new Option<string>("--user") { Description = "context.userId", DefaultValueFactory = _ => "Practitioner/cdsbone-cli" };
        var fhir = new Option<string?>("--fhir") { Description = "FHIR server base: prefetch is filled from it, and it is sent as fhirServer" };
        var fhirToken = new Option<string?>("--fhir-token") { Description = "Bearer token for the FHIR server (sent as fhirAuthorization too)" };
        var medication = new Option<string?>("--medication") { Description = "RxNorm code of the draft order (with --dose and --per-week), e.g. 199224" };
        var dose = new Option<decimal?>("--dose") { Description = "Dose per administration, mg" };
        var perWeek = new Option<int?>("--per-week") { Description = "Administrations per week" };
        var draftFile = new Option<string?>("--draft-file") { Description = "The draft order: a MedicationRequest or a Bundle (JSON file)" };
        var prefetch = new Option<string>("--prefetch") { Description = "fill: fill every template from --fhir; none: send no prefetch (the service fetches)", DefaultValueFactory = _ => PrefetchMode.Fill };
        prefetch.AcceptOnlyFromAmong(PrefetchMode.All);
        var json = new Option<bool>("--json") { Description = "Print the service's response verbatim" };
        var signing = new SigningOptions();

        var command = new Command("hook", "Fire a hook at a CDS service as an EHR would, and show its cards")
        {
            url, hook, patient, user, fhir, fhirToken, medication, dose, perWeek, draftFile, prefetch, json,
        };
        signing.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var hookName = parse.GetValue(hook)!;
            var patientId = parse.GetValue(patient)!;
            var draft = Draft(parse.GetValue(medication), parse.GetValue(dose), parse.GetValue(perWeek), parse.GetValue(draftFile), patientId, services.Today);
            var context = HookRequest.Context(new HookInput(hookName, patientId, parse.GetValue(user)!, draft));
            var fhirServer = parse.GetValue(fhir) is { } fhirBase ? new FhirServer(services.Http, fhirBase, parse.GetValue(fhirToken)) : null;
            var mode = parse.GetValue(prefetch)!;
            if (fhirServer is null && mode == PrefetchMode.None)
            {
                throw new CliException("--prefetch none needs --fhir: the service fetches the data from that server", ExitCodes.Usage);
            }

            var signer = signing.Signer(parse, services.Clock);
            var target = ServiceUrl.Parse(parse.GetValue(url)!);
            var service = Discovery.Choose(await Discovery.ReadAsync(services.Http, target, signer, cancellationToken), target.ServiceId, hookName);

            JsonObject? prefetched = null;
            if (mode == PrefetchMode.Fill && fhirServer is not null && service.Prefetch.Count > 0)
            {
                var (values, problems) = await PrefetchFiller.FillAsync(service.Prefetch, context, fhirServer, cancellationToken);
                prefetched = values;
                foreach (var problem in problems)
                {
                    await services.Error.WriteLineAsync($"warning: prefetch '{problem.Key}': {problem.Reason}");
                }
            }

            var body = HookRequest.Body(hookName, context, prefetched, fhirServer, patientId);
            var endpoint = target.Service(service.Id);
            var answer = await JsonHttp.PostAsync(services.Http, endpoint, body.ToJsonString(), "application/json", signer.TokenFor(endpoint), cancellationToken);
            if (!answer.IsSuccess)
            {
                throw new CliException($"{service.Id} answered {answer.Reason}");
            }

            if (parse.GetValue(json))
            {
                await services.Output.WriteLineAsync(answer.Body);
            }
            else if (answer.Json is { } response)
            {
                CardView.Write(services.Console, response);
            }
            else
            {
                throw new CliException($"{service.Id} answered HTTP {(int)answer.Status} without a JSON body");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject? Draft(string? medication, decimal? dose, int? perWeek, string? draftFile, string patientId, DateOnly today)
    {
        if (draftFile is not null)
        {
            return medication is null && dose is null && perWeek is null
                ? DraftOrders.FromFile(draftFile, patientId, today)
                : throw new CliException("give either --draft-file or --medication/--dose/--per-week, not both", ExitCodes.Usage);
        }

        if (medication is null && dose is null && perWeek is null)
        {
            return null;
        }

        return medication is not null && dose is { } mg && perWeek is { } n
            ? DraftOrders.FromOptions(new DraftMedication(medication, mg, n), patientId, today)
            : throw new CliException("--medication, --dose and --per-week go together", ExitCodes.Usage);
    }
}
