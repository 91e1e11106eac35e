using System.CommandLine;
using System.Text.Json.Nodes;
using CdsBone.Cli.Conformance;
using CdsBone.Cli.Http;
using Spectre.Console;

namespace CdsBone.Cli.Commands;

/// <summary><c>cdsbone check URL [--key FILE --iss URL]</c>: CDS Hooks 2.0 conformance of any CDS service.</summary>
internal static class CheckCommand
{
    public static Command Build(CliServices services)
    {
        var url = new Argument<string>("URL") { Description = "The service's base (http://localhost:8080), or one service's URL to check only that one" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var signing = new SigningOptions();
        var command = new Command("check", "Check a CDS service against CDS Hooks 2.0: discovery, each service's answer to a minimal request and its cards, error answers, feedback; exits non-zero on a failure")
        {
            url, json,
        };
        signing.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var checker = new ConformanceChecker(services.Http, ServiceUrl.Parse(parse.GetValue(url)!), signing.Signer(parse, services.Clock), services.Today);
            var results = await checker.RunAsync(cancellationToken);
            var passed = results.Count(r => r.Verdict == Verdict.Pass);
            var warned = results.Count(r => r.Verdict == Verdict.Warn);
            var failed = results.Count(r => r.Verdict == Verdict.Fail);
            if (parse.GetValue(json))
            {
                var array = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
                {
                    ["area"] = r.Area, ["check"] = r.Check, ["verdict"] = r.Verdict.ToString().ToLowerInvariant(), ["detail"] = r.Detail,
                })]);
                await services.Output.WriteLineAsync(new JsonObject { ["passed"] = passed, ["warnings"] = warned, ["failed"] = failed, ["checks"] = array }.ToJsonString());
            }
            else
            {
                Table(services.Console, results);
                await services.Output.WriteLineAsync($"conformance: {passed} pass, {warned} warn, {failed} fail");
            }

            if (failed > 0)
            {
                throw new CliException($"{failed} conformance check(s) failed");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<CheckResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("area", "check", "result", "detail");
        foreach (var r in results)
        {
            var verdict = r.Verdict switch
            {
                Verdict.Pass => "[green]pass[/]",
                Verdict.Warn => "[yellow]warn[/]",
                _ => "[red]FAIL[/]",
            };
            table.AddRow(Markup.Escape(r.Area), Markup.Escape(r.Check), verdict, Markup.Escape(r.Detail ?? string.Empty));
        }

        console.Write(table);
    }
}
