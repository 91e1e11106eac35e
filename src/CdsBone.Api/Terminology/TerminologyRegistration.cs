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
        services.AddSingleton(sp => ValueSetIndex.Load(sp.GetRequiredService<IOptions<TerminologyOptions>>().Value.ValueSetPath));
        services.AddSingleton<IConceptMembership>(sp => sp.GetRequiredService<ValueSetIndex>());
        services.AddHostedService<TerminologyLoader>();
        return services;
    }

    /// <summary>Loads the index when the host starts, so that a bad set fails the start, not the first hook.</summary>
    private sealed class TerminologyLoader(IServiceProvider services, ILogger<TerminologyLoader> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var index = services.GetRequiredService<ValueSetIndex>();
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.TerminologyLoaded(logger, index.ValueSets.Count, index.CodeCount, elapsedMs);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
