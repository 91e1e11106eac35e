using Spectre.Console;

namespace CdsBone.Cli;

/// <summary>What every command uses: where to write, the clock, the HTTP client.</summary>
/// <param name="Output">Data and cards (stdout).</param>
/// <param name="Error">Progress and warnings (stderr).</param>
/// <param name="Clock">Now, for tokens, authoredOn and re-dating.</param>
/// <param name="Http">The one HTTP client.</param>
internal sealed record CliServices(TextWriter Output, TextWriter Error, TimeProvider Clock, HttpClient Http)
{
    /// <summary>A Spectre console writing to <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Output) });

    /// <summary>Today, UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
}
