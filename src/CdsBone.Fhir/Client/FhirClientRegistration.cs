using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CdsBone.Fhir.Client;

/// <summary>Registers the FHIR call-back client: a typed HttpClient behind a resilience pipeline per FHIR server.</summary>
public static class FhirClientRegistration
{
    /// <summary>
    /// The key of a <see cref="TimeProvider"/> the resilience pipeline may use instead of the system clock (tests drive the
    /// circuit breaker with a fake one); clinical "now" never comes from here.
    /// </summary>
    public const string ResilienceClockKey = "CdsBone.Fhir.Resilience";

    /// <summary>
    /// Adds <see cref="FhirFetcher"/> (retries of idempotent GETs with jitter and Retry-After, never on 400/401/403/404;
    /// a circuit breaker per server authority; a per-attempt timeout; no redirects, so a token never follows one to another
    /// host) and <see cref="PrefetchResolver"/>. <see cref="FhirClientOptions"/> must be configured by the host.
    /// </summary>
    public static IServiceCollection AddFhirPrefetchFallback(this IServiceCollection services, bool allowLoopbackHttp)
    {
        services.AddSingleton(sp => new FhirServerPolicy(sp.GetRequiredService<IOptions<FhirClientOptions>>().Value.AllowedServers, allowLoopbackHttp));
        services.AddSingleton<PrefetchResolver>();
        var client = services.AddHttpClient<FhirFetcher>((_, http) => http.Timeout = Timeout.InfiniteTimeSpan)
            // HttpClientFactory's own logs carry request URLs, and FHIR paths hold patient ids: spans and metrics cover the calls.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        client.AddResilienceHandler("fhir", static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<FhirClientOptions>>().Value;
                builder.TimeProvider = context.ServiceProvider.GetKeyedService<TimeProvider>(ResilienceClockKey) ?? TimeProvider.System;
                if (options.Retry.MaxRetries > 0)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.Retry.MaxRetries,
                        Delay = options.Retry.BaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                    });
                }

                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    // Shared by every client of the server: only the server's own failures count (not 401/403/429,
                    // which answer one client's token or quota).
                    ShouldHandle = static args => ValueTask.FromResult(IsServerFailure(args.Outcome)),
                    FailureRatio = options.CircuitBreaker.FailureRatio,
                    MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
                    SamplingDuration = options.CircuitBreaker.SamplingDuration,
                    BreakDuration = options.CircuitBreaker.BreakDuration,
                });
                builder.AddTimeout(options.Timeout);
            })
            .SelectPipelineByAuthority();

        // Added after the pipeline, so inside it: runs before every attempt, retries included.
        client.AddHttpMessageHandler(sp => new AccessTokenExpiryHandler(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>A failure of the server itself: 5xx, 408, a timeout or a connection error.</summary>
    internal static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
