using System.CommandLine;
using System.Text.Json;
using CdsBone.Api.CdsHooks;
using CdsBone.Cli.Http;

namespace CdsBone.Cli.Commands;

/// <summary><c>cdsbone feedback URL --card UUID --outcome accepted|overridden [--reason CODE] [--suggestion UUID]</c>.</summary>
internal static class FeedbackCommand
{
    /// <summary>CdsBone's override reasons live here unless the service says otherwise (CdsBone:CanonicalBase).</summary>
    public const string DefaultReasonSystem = "https://cdsbone.example.org/fhir/CodeSystem/override-reason";

    private static readonly string[] Outcomes = ["accepted", "overridden"];

    public static Command Build(CliServices services)
    {
        var url = new Argument<string>("URL") { Description = "The service's URL (.../cds-services/ID), or its base with --service" };
        var serviceId = new Option<string?>("--service") { Description = "The service id, when URL is the base" };
        var card = new Option<string>("--card") { Description = "The card's uuid", Required = true };
        var outcome = new Option<string>("--outcome") { Description = "What the clinician did", Required = true };
        outcome.AcceptOnlyFromAmong(Outcomes);
        var suggestions = new Option<string[]>("--suggestion") { Description = "Accepted suggestion uuid (repeatable; required when accepted)", AllowMultipleArgumentsPerToken = false };
        var reason = new Option<string?>("--reason") { Description = "Override reason code, e.g. clinician-judgement" };
        var reasonSystem = new Option<string>("--reason-system") { Description = "Override reason code system", DefaultValueFactory = _ => DefaultReasonSystem };
        var comment = new Option<string?>("--comment") { Description = "Override comment (free text)" };
        var json = new Option<bool>("--json") { Description = "Print the sent body and the response as JSON" };
        var signing = new SigningOptions();

        var command = new Command("feedback", "Send card feedback (accepted or overridden) to a CDS service")
        {
            url, serviceId, card, outcome, suggestions, reason, reasonSystem, comment, json,
        };
        signing.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = ServiceUrl.Parse(parse.GetValue(url)!);
            var id = parse.GetValue(serviceId) ?? target.ServiceId
                ?? throw new CliException("name the service: URL/cds-services/ID or --service ID", ExitCodes.Usage);
            var entry = Entry(parse.GetValue(card)!, parse.GetValue(outcome)!, parse.GetValue(suggestions) ?? [], parse.GetValue(reason),
                parse.GetValue(reasonSystem)!, parse.GetValue(comment), services.Clock.GetUtcNow());
            var body = JsonSerializer.Serialize(new FeedbackRequest([entry]), CdsJson.Options);
            var endpoint = target.Feedback(id);
            var answer = await JsonHttp.PostAsync(services.Http, endpoint, body, "application/json", signing.Signer(parse, services.Clock).TokenFor(endpoint), cancellationToken);
            if (!answer.IsSuccess)
            {
                throw new CliException($"feedback to {id} answered {answer.Reason}");
            }

            await services.Output.WriteLineAsync(parse.GetValue(json)
                ? $"{{\"sent\":{body},\"status\":{(int)answer.Status},\"response\":{(answer.Json is null ? "null" : answer.Body)}}}"
                : $"feedback {entry.Outcome} for card {entry.Card}: HTTP {(int)answer.Status}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One feedback entry (CDS-HOOKS.md §1.G): accepted needs the accepted suggestions.</summary>
    public static FeedbackEntry Entry(string card, string outcome, IReadOnlyList<string> suggestions, string? reason, string reasonSystem, string? comment, DateTimeOffset now)
    {
        if (outcome == "accepted" && suggestions.Count == 0)
        {
            throw new CliException("accepted feedback names the accepted suggestion(s): --suggestion UUID", ExitCodes.Usage);
        }

        if (outcome == "accepted" && (reason is not null || comment is not null))
        {
            throw new CliException("--reason and --comment are for overridden cards", ExitCodes.Usage);
        }

        var overrideReason = reason is null && comment is null
            ? null
            : new OverrideReason(reason is null ? null : new Coding(reasonSystem, reason, null), comment);
        var accepted = suggestions.Count == 0 ? null : suggestions.Select(s => new AcceptedSuggestion(s)).ToList();
        return new FeedbackEntry(card, outcome, accepted, overrideReason, now.ToUniversalTime());
    }
}
