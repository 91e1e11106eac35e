using CdsBone.Cli.Commands;
using CdsBone.Cli.Http;
using CdsBone.Cli.Tests.Support;

namespace CdsBone.Cli.Tests.Parsing;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("hook", "http://localhost:8080", "--patient", "p1")]
    [InlineData("hook", "http://localhost:8080", "--hook", "order-cancel", "--patient", "p1")]
    [InlineData("hook", "http://localhost:8080", "--hook", "order-sign", "--patient", "p1", "--prefetch", "some")]
    [InlineData("token", "--key", "k.json", "--iss", "https://ehr")]
    [InlineData("token", "--key", "k.json", "--iss", "https://ehr", "--aud", "http://x/cds-services", "--lifetime", "soon")]
    [InlineData("keys", "new", "--out", "d", "--alg", "HS256")]
    [InlineData("feedback", "http://localhost:8080/cds-services/s", "--card", "c", "--outcome", "ignored")]
    [InlineData("nonsense")]
    public async Task Bad_usage_exits_2_with_one_line_reason(params string[] args)
    {
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync(args);

        Assert.Equal(2, exit);
        var lines = cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("keys", "new", "--help")]
    [InlineData("token", "--help")]
    [InlineData("hook", "--help")]
    [InlineData("feedback", "--help")]
    [InlineData("patients", "load", "--help")]
    [InlineData("check", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_options_go_together()
    {
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("hook", "http://127.0.0.1:1", "--hook", "order-sign", "--patient", "p1", "--medication", "199224");

        Assert.Equal(2, exit);
        Assert.Equal("error: --medication, --dose and --per-week go together", cli.Error.ToString().Trim());
    }

    [Fact]
    public async Task Prefetch_none_needs_a_fhir_server()
    {
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("hook", "http://127.0.0.1:1", "--hook", "patient-view", "--patient", "p1", "--prefetch", "none");

        Assert.Equal(2, exit);
        Assert.Contains("--prefetch none needs --fhir", cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_service_is_a_one_line_failure()
    {
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("hook", "http://127.0.0.1:1", "--hook", "patient-view", "--patient", "p1");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: cannot reach http://127.0.0.1:1", cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Single(cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_file_system_failure_is_a_one_line_failure()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("file"), "x");
        using var cli = new ToolRunner();

        var exit = await cli.RunAsync("keys", "new", "--out", Path.Combine(dir.File("file"), "keys"));

        Assert.Equal(1, exit);
        Assert.Single(cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("00:02:00", 120)]
    public void Durations_parse(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("5 minutes")]
    public void Bad_durations_do_not_parse(string text) => Assert.Null(Durations.Parse(text));

    [Theory]
    [InlineData("http://localhost:8080", "http://localhost:8080", null)]
    [InlineData("http://localhost:8080/", "http://localhost:8080", null)]
    [InlineData("http://localhost:8080/cds-services", "http://localhost:8080", null)]
    [InlineData("http://localhost:8080/cds-services/anastrozole-order-sign", "http://localhost:8080", "anastrozole-order-sign")]
    [InlineData("https://cds.example.org/base/cds-services/x/feedback", "https://cds.example.org/base", "x")]
    public void Service_urls_name_the_base_and_the_service(string url, string expectedBase, string? expectedId)
    {
        var parsed = ServiceUrl.Parse(url);

        Assert.Equal(expectedBase, parsed.Base);
        Assert.Equal(expectedId, parsed.ServiceId);
    }

    [Theory]
    [InlineData("localhost:8080")]
    [InlineData("ftp://host/cds-services")]
    public void Non_http_urls_are_refused(string url) =>
        Assert.Equal(2, Assert.Throws<CliException>(() => ServiceUrl.Parse(url)).ExitCode);
}
