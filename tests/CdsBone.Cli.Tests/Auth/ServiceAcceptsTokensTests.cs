using CdsBone.Cli.Auth;
using CdsBone.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CdsBone.Cli.Tests.Auth;

/// <summary>The tool against CdsBone itself (in memory) with authentication on, trusting the tool's key set.</summary>
public sealed class ServiceAcceptsTokensTests : IDisposable
{
    private const string Issuer = "https://ehr.example.test";
    private readonly TempDirectory dir = new();
    private readonly FakeTimeProvider clock = new(ToolRunner.Now);
    private readonly string privateKey;
    private readonly ServiceApplication service;

    public ServiceAcceptsTokensTests()
    {
        var (key, set) = KeyFiles.Create(SigningAlgorithm.Es384, "ehr-key-1");
        var (privatePath, publicPath) = KeyFiles.Write(dir.Path, key, set);
        privateKey = privatePath;
        service = new ServiceApplication(
            new Dictionary<string, string?>
            {
                ["CdsBone:PublicBaseUrl"] = "http://localhost",
                ["CdsBone:Auth:Required"] = "true",
                ["CdsBone:Auth:Issuers:0:Issuer"] = Issuer,
                ["CdsBone:Auth:Issuers:0:JwksPath"] = publicPath,
            },
            clock);
    }

    [Fact]
    public async Task A_token_from_the_token_command_is_accepted_once()
    {
        using var cli = new ToolRunner();
        await cli.RunAsync("token", "--key", privateKey, "--iss", Issuer, "--aud", "http://localhost/cds-services");
        var token = cli.Output.ToString().Trim();
        using var http = service.CreateClient();

        using var first = new HttpRequestMessage(HttpMethod.Get, "/cds-services") { Headers = { { "Authorization", $"Bearer {token}" } } };
        using var again = new HttpRequestMessage(HttpMethod.Get, "/cds-services") { Headers = { { "Authorization", $"Bearer {token}" } } };
        using var unsigned = new HttpRequestMessage(HttpMethod.Get, "/cds-services");

        Assert.Equal(200, (int)(await http.SendAsync(first)).StatusCode);
        Assert.Equal(401, (int)(await http.SendAsync(again)).StatusCode);
        Assert.Equal(401, (int)(await http.SendAsync(unsigned)).StatusCode);
    }

    [Fact]
    public async Task Check_passes_against_CdsBone_with_a_key()
    {
        using var cli = new ToolRunner(service.CreateClient());

        var exit = await cli.RunAsync("check", "http://localhost", "--key", privateKey, "--iss", Issuer, "--json");

        Assert.True(exit == 0, cli.Output.ToString() + cli.Error);
        var report = System.Text.Json.Nodes.JsonNode.Parse(cli.Output.ToString())!;
        Assert.Equal(0, report["failed"]!.GetValue<int>());
        var checks = report["checks"]!.AsArray();
        Assert.Contains(checks, c => c!["area"]!.GetValue<string>() == "anastrozole-patient-view" && c["verdict"]!.GetValue<string>() == "pass");
        Assert.Contains(checks, c => c!["check"]!.GetValue<string>().StartsWith("a replayed token", StringComparison.Ordinal) && c["verdict"]!.GetValue<string>() == "pass");
    }

    [Fact]
    public async Task Without_a_key_the_hook_command_reports_the_401_in_one_line()
    {
        using var cli = new ToolRunner(service.CreateClient());

        var exit = await cli.RunAsync("hook", "http://localhost", "--hook", "patient-view", "--patient", "p1");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: discovery http://localhost/cds-services answered HTTP 401", cli.Error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        service.Dispose();
        dir.Dispose();
    }
}
