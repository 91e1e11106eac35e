using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CdsBone.Api.Tests.Support;

namespace CdsBone.Api.Tests.Operations;

/// <summary>The Grafana dashboard and the alerting rules query only metrics the service really exposes on /metrics.</summary>
public sealed partial class DashboardTests
{
    private static readonly string Chart = Path.Combine(TestFiles.RepositoryRoot, "helm", "cdsbone");

    [Fact]
    public async Task EveryDashboardAndAlertQuery_NamesAMetricFoundInMetrics()
    {
        var exposed = await ExposedMetricsAsync();
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Chart, "files", "dashboard.json")))!;
        var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!).ToList();
        Assert.NotEmpty(queries);

        foreach (var query in queries)
        {
            var names = MetricName().Matches(query).Select(m => m.Groups[1].Value).ToList();
            Assert.True(names.Count > 0, $"no metric in: {query}");
            Assert.All(names, name => Assert.True(exposed.Contains(name), $"the dashboard queries {name}, which /metrics does not expose"));
        }

        // The alerts on the service's own metrics (kube-state-metrics' restarts and Prometheus' up are not the service's).
        var rules = await File.ReadAllTextAsync(Path.Combine(Chart, "templates", "prometheusrule.yaml"));
        var alerted = CdsBoneMetric().Matches(rules).Select(m => m.Value).Distinct().ToList();
        Assert.Contains("cdsbone_hook_duration_seconds_bucket", alerted);
        Assert.All(alerted, name => Assert.True(exposed.Contains(name), $"an alert queries {name}, which /metrics does not expose"));
    }

    /// <summary>The metric names of /metrics after one call of each kind (a FHIR call-back and feedback included).</summary>
    private static async Task<HashSet<string>> ExposedMetricsAsync()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V1-trt-high-e2-gynecomastia");
        using var fhir = FhirServerMock.Start().Serve(request);
        await using var app = new CdsBoneApplication(fhir.Settings(new()));
        using var client = app.CreateClient();
        using var hook = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", fhir.WithoutPrefetch(request.DeepClone().AsObject()));
        Assert.True(hook.IsSuccessStatusCode, await hook.Content.ReadAsStringAsync());
        using var feedback = await client.PostRawAsync("/cds-services/anastrozole-order-sign/feedback",
            """{"feedback": [{"card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "overridden", "outcomeTimestamp": "2025-06-01T10:00:00Z"}]}""", "application/json");

        var text = await (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).Content.ReadAsStringAsync();
        return text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => ExposedName().Match(l).Value).ToHashSet(StringComparer.Ordinal);
    }

    // A metric selector in PromQL: a name followed by its label matchers.
    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"cdsbone_[a-z_]+")]
    private static partial Regex CdsBoneMetric();

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex ExposedName();
}
