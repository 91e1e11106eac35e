using System.Net;
using CdsBone.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Tests.Operations;

/// <summary>
/// <c>RandomProbabilisticSampler</c> keeps a share of the lines it names (Microsoft.Extensions.Telemetry's sampler): an
/// operator can drop most lines of successful hook calls and still see every refused or failed one.
/// </summary>
public sealed class LogSamplingTests
{
    private const string OrderSign = "/cds-services/anastrozole-order-sign";
    private const string HookCallLine = "[1010]";

    private static Dictionary<string, string?> KeepShareOfSuccessfulHookLines(string probability) => new()
    {
        ["RandomProbabilisticSampler:Rules:0:CategoryName"] = "CdsBone.Api.Telemetry.HookCallRecorder",
        ["RandomProbabilisticSampler:Rules:0:LogLevel"] = "Information",
        ["RandomProbabilisticSampler:Rules:0:Probability"] = probability,
    };

    [Fact]
    public async Task ProbabilityZero_DropsSuccessfulHookLines_KeepsRefusedOnes()
    {
        var capture = new LogCapture();
        await using var app = new CdsBoneApplication(KeepShareOfSuccessfulHookLines("0"), services: s => s.AddLogging(l => l.AddProvider(capture)));
        using var client = app.CreateClient();

        using var answered = await client.PostJsonAsync(OrderSign, TestFiles.Request(TestFiles.VisibleFixtures, "V1-trt-high-e2-gynecomastia"));
        using var refused = await client.PostRawAsync(OrderSign, "{}", "text/plain");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        var lines = capture.Lines.Where(l => l.Contains(HookCallLine, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith(nameof(LogLevel.Warning), line, StringComparison.Ordinal);
        Assert.Contains("StatusCode=415", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbabilityOne_KeepsEveryLine()
    {
        var capture = new LogCapture();
        await using var app = new CdsBoneApplication(KeepShareOfSuccessfulHookLines("1"), services: s => s.AddLogging(l => l.AddProvider(capture)));
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostJsonAsync(OrderSign, TestFiles.Request(TestFiles.VisibleFixtures, "V1-trt-high-e2-gynecomastia"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(3, capture.Lines.Count(l => l.StartsWith(nameof(LogLevel.Information), StringComparison.Ordinal) && l.Contains(HookCallLine, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void ProbabilityOutsideZeroToOne_StopsTheStart(string probability)
    {
        using var app = new CdsBoneApplication(KeepShareOfSuccessfulHookLines(probability));

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("RandomProbabilisticSampler", error.Message, StringComparison.Ordinal);
    }
}
