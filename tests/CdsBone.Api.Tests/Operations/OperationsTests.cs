using System.Net;
using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsBone.Api.Tests.Operations;

public sealed class OperationsTests
{
    [Fact]
    public async Task Healthz_AndReadyz_AnswerAfterWarmUp()
    {
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Auth:Required"] = "true", ["CdsBone:Auth:Issuers:0:Issuer"] = "https://ehr.test", ["CdsBone:Auth:Issuers:0:Jwks"] = """{"keys": []}""" });
        using var client = app.CreateClient();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string?)(await ready.ReadJsonAsync())["status"]);
    }

    [Fact]
    public async Task WarmUp_RepeatsTheExampleHookForItsBudgetBeforeReady()
    {
        var capture = new LogCapture();
        await using var app = new CdsBoneApplication(new() { ["CdsBone:Hook:WarmUp"] = "00:00:00.300" }, services: s => s.AddLogging(l => l.AddProvider(capture)));
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var warmedUp = Assert.Single(capture.Lines, l => l.Contains("[1300]", StringComparison.Ordinal));
        var calls = int.Parse(System.Text.RegularExpressions.Regex.Match(warmedUp, @"Calls=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(calls > 1, warmedUp);
        Assert.Contains("CardCount=", warmedUp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ShowTheCdsBoneInstrumentsAfterAHookCall()
    {
        await using var app = new CdsBoneApplication();
        using var client = app.CreateClient();
        using var hook = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2"));
        using var feedback = await client.PostRawAsync("/cds-services/anastrozole-order-sign/feedback",
            """{"feedback": [{"card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "overridden", "outcomeTimestamp": "2025-06-01T10:00:00Z"}]}""", "application/json");

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var name in new[] { "cdsbone_cards_total", "cdsbone_hook_calls_total", "cdsbone_hook_duration_seconds_bucket", "cdsbone_prefetch_total", "cdsbone_feedback_total" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Contains("recommendation=\"stop\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_AtDebug_HoldNoPatientDataOrToken()
    {
        const string patientId = "V1-trt-high-e2-gynecomastia";
        var request = TestFiles.Request(TestFiles.VisibleFixtures, patientId);
        using var fhir = FhirServerMock.Start().Serve(request);
        var capture = new LogCapture();
        var settings = fhir.Settings(new() { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Microsoft"] = "Debug", ["Logging:LogLevel:System"] = "Debug" });
        await using var app = new CdsBoneApplication(settings, services: s => s.AddLogging(l => l.AddProvider(capture).SetMinimumLevel(LogLevel.Debug)));
        using var client = app.CreateClient();

        using var withPrefetch = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", request.DeepClone());
        using var fetched = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", fhir.WithoutPrefetch(request.DeepClone().AsObject()));

        Assert.Equal(HttpStatusCode.OK, withPrefetch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var logs = string.Join("\n", capture.Lines);
        Assert.Equal(2, capture.Lines.Count(l => l.Contains("[1010]", StringComparison.Ordinal) && l.Contains("answered 200", StringComparison.Ordinal)
            && l.Contains("rules [T1]", StringComparison.Ordinal)));
        Assert.Contains(request["hookInstance"]!.GetValue<string>(), logs, StringComparison.Ordinal);
        var forbidden = new[]
        {
            patientId, "1980-05-02", "\"Test\"", "given", FhirServerMock.Token, "58 pg/mL", "980 ng/dL", "pg/mL", "ng/dL",
            $"{patientId}-obs", $"{patientId}-med", $"{patientId}-draft",
        };
        foreach (var secret in forbidden)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        Assert.True(capture.Lines.Count > 20, "too few log lines: is Debug logging on?");
    }
}
