using System.Net;
using CdsBone.Api.Tests.Support;
using CdsBone.Fhir.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdsBone.Api.Tests.Prefetch;

/// <summary>The circuit breaker per FHIR server opens after repeated failures and closes again, on a fake clock.</summary>
public sealed class CircuitBreakerTests
{
    private const string OrderSign = "/cds-services/anastrozole-order-sign";

    [Fact]
    public async Task Breaker_OpensOnFailuresStopsCallingThenClosesAfterTheBreak()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start();
        fhir.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        var resilienceClock = new FakeTimeProvider(CdsBoneApplication.FixtureDate);
        await using var app = new CdsBoneApplication(
            fhir.Settings(new()
            {
                ["CdsBone:Fhir:Retry:MaxRetries"] = "0",
                ["CdsBone:Fhir:CircuitBreaker:MinimumThroughput"] = "2",
                ["CdsBone:Fhir:CircuitBreaker:FailureRatio"] = "0.5",
                ["CdsBone:Fhir:CircuitBreaker:SamplingDuration"] = "00:00:30",
                ["CdsBone:Fhir:CircuitBreaker:BreakDuration"] = "00:00:30",
            }),
            services: s => s.AddKeyedSingleton<TimeProvider>(FhirClientRegistration.ResilienceClockKey, resilienceClock));
        using var client = app.CreateClient();

        using var failing = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request.DeepClone().AsObject()));
        var afterFailures = fhir.Server.LogEntries.Count;
        using var open = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request.DeepClone().AsObject()));

        Assert.Equal(HttpStatusCode.PreconditionFailed, failing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, open.StatusCode);
        Assert.Contains("circuit open", (await open.ReadJsonAsync()).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(afterFailures, fhir.Server.LogEntries.Count);

        fhir.Server.ResetMappings();
        fhir.Serve(request);
        resilienceClock.Advance(TimeSpan.FromSeconds(31));
        using var probe = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request.DeepClone().AsObject()));
        Assert.True(fhir.Server.LogEntries.Count > afterFailures, "no probe reached the server after the break");
        using var closed = await client.PostJsonAsync(OrderSign, fhir.WithoutPrefetch(request.DeepClone().AsObject()));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.NotEmpty(await closed.CardsAsync());
    }
}
