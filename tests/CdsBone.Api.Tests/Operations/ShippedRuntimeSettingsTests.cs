using System.Text.Json.Nodes;

namespace CdsBone.Api.Tests.Operations;

/// <summary>
/// The runtime settings the load measurements rest on (docs/performance.md) are in the runtimeconfig the build writes
/// from the project file, so that a plain publish ships them and an edit that drops one is noticed.
/// </summary>
public sealed class ShippedRuntimeSettingsTests
{
    [Theory]
    [InlineData("System.Runtime.TieredPGO", "false")]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", "0")]
    [InlineData("System.Threading.ThreadPool.HillClimbing.Disable", "true")]
    [InlineData("System.GC.Server", "false")]
    public void RuntimeConfig_CarriesTheMeasuredSetting(string name, string expected)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "CdsBone.Api.runtimeconfig.json");
        var settings = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.Equal(expected, settings[name]?.ToJsonString());
    }
}
