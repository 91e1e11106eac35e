using System.Collections.Concurrent;
using System.Diagnostics;
using CdsBone.Api.Tests.Support;
using CdsBone.Fhir.Client;

namespace CdsBone.Api.Tests.Prefetch;

public sealed class PrefetchTelemetryTests
{
    [Fact]
    public async Task FhirCalls_AreSpansWithoutPatientIdsOrQueries_AndPrefetchIsCountedByKey()
    {
        const string patientId = "V2-fertility-protocol-low-e2";
        var request = TestFiles.Request(TestFiles.VisibleFixtures, patientId);
        using var fhir = FhirServerMock.Start().Serve(request);
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FhirTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var sent = request.DeepClone().AsObject();
        sent["prefetch"]!.AsObject().Remove("observations");
        sent["prefetch"]!["conditions"] = null;
        fhir.WithServerAndToken(sent);
        await using var app = new CdsBoneApplication(fhir.Settings());
        using var metrics = new MetricRecorder(app.Services);
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", sent);

        Assert.NotEmpty(await response.CardsAsync());
        var ours = spans.Where(s => s.Tags.Any(t => t.Key == "fhir.resource_type")).ToList();
        // The listener is process-wide and tests run in parallel: other tests' spans may be here too.
        Assert.Contains(ours, s => s.DisplayName == "FHIR GET Observation" && Equals(s.GetTagItem("http.response.status_code"), 200));
        foreach (var text in ours.SelectMany(s => s.Tags.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)))
        {
            Assert.DoesNotContain(patientId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("?", text, StringComparison.Ordinal);
            Assert.DoesNotContain(FhirServerMock.Token, text, StringComparison.Ordinal);
        }

        var counted = metrics.Tags("cdsbone_prefetch").Select(t => ((string)t["key"]!, (string)t["outcome"]!)).ToHashSet();
        Assert.Contains(("observations", "fetched"), counted);
        Assert.Contains(("patient", "provided"), counted);
        Assert.Contains(("conditions", "nodata"), counted);
    }
}
