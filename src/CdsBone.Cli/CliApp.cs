using System.CommandLine;
using CdsBone.Cli.Commands;
using CdsBone.Cli.Http;

namespace CdsBone.Cli;

/// <summary>The command tree and the one place that turns failures into a one-line reason and an exit code.</summary>
internal static class CliApp
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliServices services)
    {
        var root = new RootCommand("cdsbone: act as an EHR towards a CDS Hooks 2.0 service, render its cards, load test patients into a FHIR server, check conformance.");
        root.Add(KeysCommand.Build(services));
        root.Add(TokenCommand.Build(services));
        root.Add(HookCommand.Build(services));
        root.Add(FeedbackCommand.Build(services));
        root.Add(PatientsCommand.Build(services));
        root.Add(CheckCommand.Build(services));
        return root;
    }

    /// <summary>Parses and runs; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        using var http = HttpClients.Create();
        return await RunAsync(args, new CliServices(output, error, clock, http));
    }

    /// <summary>Parses and runs with the given services (tests pass an in-memory HTTP client); returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliServices services)
    {
        var (output, error) = (services.Output, services.Error);
        var parse = Build(services).Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {OneLine(parse.Errors[0].Message)} (see --help)");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"error: {OneLine(ex.Message)}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: cancelled or timed out");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // A tool answers every failure with one line and an exit code, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>A reason on one line, whatever the parser or a server put in it.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
