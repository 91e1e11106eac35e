using System.Diagnostics;
using CdsBone.Api.Telemetry;
using CdsBone.Fhir.Terminology;
using CdsBone.Rules.Terminology;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Terminology;

/// <summary>
/// The concept-class value sets: loaded once, before the service takes traffic. A set that cannot be loaded stops the
/// service at start with a message naming the file (a wrong terminology must not give advice).
/// </summary>
internal static class TerminologyRegistration
{
    public static IServiceCollection AddCdsBoneTerminology(this IServiceCollection services)
    {
        services.AddOptions<TerminologyOptions>().BindConfiguration(TerminologyOptions.SectionName);
        services.AddSingleton(Load);
        services.AddSingleton<IConceptMembership>(sp => sp.GetRequiredService<ValueSetIndex>());
        services.AddHostedService<TerminologyLoader>();
        return services;
    }

    private static ValueSetIndex Load(IServiceProvider services)
    {
        var started = Stopwatch.GetTimestamp();
        var index = ValueSetIndex.Load(services.GetRequiredService<IOptions<TerminologyOptions>>().Value.ValueSetPath);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TerminologyRegistration));
        var valueSetCount = index.ValueSets.Count;
        var codeCount = index.CodeCount;
        Log.TerminologyLoaded(logger, valueSetCount, codeCount, elapsedMs);
        return index;
    }

    /// <summary>Loads the index when the host starts (if nothing needed it earlier), so that a bad set fails the start, not the first hook.</summary>
    private sealed class TerminologyLoader(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<ValueSetIndex>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
