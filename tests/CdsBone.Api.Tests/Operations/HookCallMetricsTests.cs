using System.Net;
using System.Text.RegularExpressions;
using CdsBone.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsBone.Api.Tests.Operations;

/// <summary>cdsbone_hook_calls_total counts every outcome, whoever answered; the series exist from start; one log line per call.</summary>
public sealed partial class HookCallMetricsTests
{
    private const string Hook = "/cds-services/anastrozole-order-sign";

    [Fact]
    public async Task Metrics_BeforeAnyCall_ShowEveryOutcomeAtZero_AndTheResource()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();

        var text = await (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).Content.ReadAsStringAsync();

        // Every test app in this process exports every "CdsBone" meter of the process (OpenTelemetry selects meters by
        // name), so other tests' calls may show here: presence is what is asserted, and 0 where no test ever goes (503).
        foreach (var outcome in new[] { "ok", "400", "401", "404", "412", "413", "415", "429", "500", "503" })
        {
            Assert.Matches($"cdsbone_hook_calls_total\\{{[^}}]*outcome=\"{outcome}\"[^}}]*service=\"anastrozole-order-sign\"[^}}]*\\}} \\d+", text);
        }

        Assert.Matches("cdsbone_hook_calls_total\\{[^}]*outcome=\"503\"[^}]*service=\"anastrozole-patient-view\"[^}]*\\} 0\n", text);

        Assert.Matches("cdsbone_auth_rejections_total\\{[^}]*reason=\"BadSignature\"[^}]*\\} \\d+", text);
        Assert.Matches("cdsbone_prefetch_total\\{[^}]*key=\"observations\"[^}]*\\} \\d+", text);
        Assert.Matches("cdsbone_cards_total\\{[^}]*recommendation=\"do-not-start\"[^}]*\\} \\d+", text);
        Assert.Matches("cdsbone_fhir_calls_total\\{[^}]*outcome=\"circuit-open\"[^}]*resource_type=\"Observation\"[^}]*\\} \\d+", text);
        Assert.Matches("target_info\\{[^}]*deployment_environment=\"development\"", text);
        Assert.Matches("target_info\\{[^}]*service_version=\"[^\"]+\"", text);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        Assert.Contains("process_cpu_time_seconds_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HookCalls_CountEveryOutcome_IncludingThoseRefusedBeforeTheEndpoint()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CdsBone:Auth:Required"] = "true",
            ["CdsBone:Auth:Issuers:0:Issuer"] = TestIssuer.Name,
            ["CdsBone:Auth:Issuers:0:Jwks"] = """{"keys": []}""",
            ["CdsBone:RateLimit:PermitsPerSecond"] = "1",
            ["CdsBone:RateLimit:Burst"] = "2",
        };
        await using var app = new CdsBoneApplication(settings);
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();

        // No token: 401 from authentication; the bucket (2) then runs dry: 429 from the rate limiter.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostRawAsync(Hook, "{}", "application/json");
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var outcomes = metrics.Tags("cdsbone_hook_calls").Select(t => (string)t["outcome"]!).ToList();
        Assert.Equal(statuses.Count, outcomes.Count);
        Assert.Contains("401", outcomes);
        Assert.Contains("429", outcomes);
    }

    [Fact]
    public async Task HookCalls_CountEndpointAndFrameworkErrors_OneLogLinePerCallWithStatusAndReason()
    {
        var capture = new LogCapture();
        await using var app = new CdsBoneApplication(services: s => s.AddLogging(l => l.AddProvider(capture)));
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();
        var valid = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");

        using var ok = await client.PostJsonAsync(Hook, valid);
        using var badJson = await client.PostRawAsync(Hook, "{", "application/json");
        using var unknown = await client.PostRawAsync("/cds-services/no-such-service", "{}", "application/json");
        using var tooLarge = await client.PostRawAsync(Hook, new string(' ', 1_100_000) + "{}", "application/json");
        using var wrongType = await client.PostRawAsync(Hook, "{}", "text/plain");

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType],
            new[] { ok, badJson, unknown, tooLarge, wrongType }.Select(r => r.StatusCode));
        var outcomes = metrics.Tags("cdsbone_hook_calls").Select(t => ((string)t["service"]!, (string)t["outcome"]!)).ToList();
        Assert.Equal(
            [("anastrozole-order-sign", "ok"), ("anastrozole-order-sign", "400"), ("unknown", "404"), ("anastrozole-order-sign", "413"), ("anastrozole-order-sign", "415")],
            outcomes);

        var calls = capture.Lines.Where(l => l.Contains("HookCallRecorder[1010]", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, calls.Count);
        Assert.All(calls, l => Assert.Matches(DurationField(), l));
        Assert.Contains(calls, l => l.Contains("StatusCode=200", StringComparison.Ordinal) && l.Contains($"hookInstance={valid["hookInstance"]!.GetValue<string>()}", StringComparison.Ordinal));
        Assert.Contains(calls, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("StatusCode=415", StringComparison.Ordinal) && l.Contains("Reason=UnsupportedMediaType", StringComparison.Ordinal));
        Assert.Contains(calls, l => l.Contains("StatusCode=404", StringComparison.Ordinal) && l.Contains("Reason=UnknownService", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HookCall_ThatThrows_IsCountedAs500_AndLoggedAsAnError()
    {
        var clock = new FailingClock();
        var capture = new LogCapture();
        await using var app = new CdsBoneApplication(services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddLogging(l => l.AddProvider(capture));
        });
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();
        clock.Fail = true;

        using var response = await client.PostJsonAsync(Hook, TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(["500"], metrics.Tags("cdsbone_hook_calls").Select(t => (string)t["outcome"]!));
        Assert.Contains(capture.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("HookCallRecorder[1010]", StringComparison.Ordinal)
            && l.Contains("StatusCode=500", StringComparison.Ordinal));
    }

    /// <summary>The system clock, until told to fail: a fault inside the hook's evaluation (the rules read "now").</summary>
    private sealed class FailingClock : TimeProvider
    {
        public bool Fail { get; set; }

        public override DateTimeOffset GetUtcNow() => Fail ? throw new InvalidOperationException("clock fault (test)") : CdsBoneApplication.FixtureDate;
    }

    [GeneratedRegex(@"DurationMs=\d+(\.\d+)?")]
    private static partial Regex DurationField();
}
