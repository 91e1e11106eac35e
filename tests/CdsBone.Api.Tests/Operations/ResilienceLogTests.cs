using CdsBone.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsBone.Api.Tests.Operations;

/// <summary>Each retry of a FHIR call-back is Debug detail: the call's outcome is already counted, traced and logged once.</summary>
public sealed class ResilienceLogTests
{
    [Fact]
    public async Task RetriedFhirCall_LogsItsAttemptsAtDebug_NotAtWarning()
    {
        var request = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var fhir = FhirServerMock.Start().Serve(request, "patient");
        var patientId = request["context"]!["patientId"]!.GetValue<string>();
        fhir.Respond($"/fhir/Patient/{patientId}", request["prefetch"]!["patient"]!, status: 503);
        var capture = new LogCapture();
        var settings = fhir.Settings(new() { ["CdsBone:Fhir:Retry:BaseDelay"] = "00:00:00.010", ["Logging:LogLevel:Polly"] = "Debug" });
        await using var app = new CdsBoneApplication(settings, services: s => s.AddLogging(l => l.AddProvider(capture).SetMinimumLevel(LogLevel.Debug)));
        using var client = app.CreateClient();

        using var response = await client.PostJsonAsync("/cds-services/anastrozole-order-sign", fhir.WithoutPrefetch(request.DeepClone().AsObject()));

        Assert.True(fhir.Requests("/fhir/Patient").Count > 1, "the call was not retried");
        // Per attempt (each try, each retry): Debug. A state change (the breaker opening) stays an Error worth seeing.
        var attempts = capture.Lines.Where(l => l.Contains(" Polly[", StringComparison.Ordinal)
            && (l.Contains("Execution attempt", StringComparison.Ordinal) || l.Contains("'OnRetry'", StringComparison.Ordinal))).ToList();
        Assert.Contains(attempts, l => l.Contains("'OnRetry'", StringComparison.Ordinal));
        Assert.All(attempts, l => Assert.StartsWith("Debug", l, StringComparison.Ordinal));
    }
}
