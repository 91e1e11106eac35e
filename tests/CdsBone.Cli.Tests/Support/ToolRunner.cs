using CdsBone.Cli;
using Microsoft.Extensions.Time.Testing;

namespace CdsBone.Cli.Tests.Support;

/// <summary>Runs the tool in-process with captured output, a pinned clock and a given HTTP client.</summary>
internal sealed class ToolRunner : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly HttpClient http;

    public ToolRunner(HttpClient? http = null) => this.http = http ?? new HttpClient();

    public FakeTimeProvider Clock { get; } = new(Now);

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public Task<int> RunAsync(params string[] args) => CliApp.RunAsync(args, new CliServices(Output, Error, Clock, http));

    public void Dispose()
    {
        http.Dispose();
        Output.Dispose();
        Error.Dispose();
    }
}
