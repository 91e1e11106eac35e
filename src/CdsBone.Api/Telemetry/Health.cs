using System.Diagnostics;
using System.Text.Json;
using CdsBone.Api.Options;
using CdsBone.Api.Services;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Telemetry;

/// <summary>Whether the service may take traffic: warmed up and not shutting down.</summary>
public sealed class Readiness
{
    private volatile bool _warm;
    private volatile bool _stopping;

    /// <summary>True once warm-up finished and until shutdown begins.</summary>
    public bool IsReady => _warm && !_stopping;

    internal void Warmed() => _warm = true;

    internal void Stopping() => _stopping = true;
}

/// <summary>
/// Warms the service at start so that the first real calls are not slow: loads the discovery document, UCUM and the
/// rules, and answers the example hook end to end (offline: its prefetch is complete), parsing the request and
/// serializing the answer, once, then repeatedly until the JIT goes quiet or <c>CdsBone:Hook:WarmUp</c> is spent
/// (docs/performance.md). Readiness follows it; on shutdown readiness drops first so that the load balancer stops
/// sending new calls while in-flight ones finish.
/// </summary>
internal sealed class WarmupService(
    Discovery.DiscoveryDocument discovery, HookEvaluator evaluator, Readiness readiness, IOptionsMonitor<CdsBoneOptions> options,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<WarmupService> logger) : IHostedService
{
    /// <summary>
    /// How long the JIT must compile nothing new while the example hook keeps being answered before the hot path counts
    /// as optimised: tier-1 versions are compiled in the background one after another, a few milliseconds each, so a
    /// gap of this length means the queue is empty.
    /// </summary>
    private static readonly TimeSpan JitQuietPeriod = TimeSpan.FromMilliseconds(150);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(readiness.Stopping);
        var body = System.Text.Encoding.UTF8.GetBytes(OpenApi.Examples.HookRequest("order-sign", clock.GetUtcNow()));
        var cards = await AnswerExampleAsync(body, cancellationToken);
        var calls = 1;

        // The first call loads everything; the budget is for the repeats that let the JIT optimise.
        var budget = options.CurrentValue.Hook.WarmUp;
        var repeating = Stopwatch.GetTimestamp();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var lastCompile = repeating;
        while (Stopwatch.GetElapsedTime(repeating) < budget && Stopwatch.GetElapsedTime(lastCompile) < JitQuietPeriod && !cancellationToken.IsCancellationRequested)
        {
            await AnswerExampleAsync(body, cancellationToken);
            calls++;
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompile = Stopwatch.GetTimestamp();
            }
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(repeating).TotalMilliseconds;
        Log.WarmedUp(logger, cards, calls, elapsedMs);
        readiness.Warmed();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> AnswerExampleAsync(byte[] body, CancellationToken cancellationToken)
    {
        var (request, document, _) = CdsHooks.CdsRequestParser.Parse(body);
        using (document)
        {
            var service = discovery.Services.First(s => s.Hook == request!.Hook);
            var answer = await evaluator.WarmUpAsync(service, request!, cancellationToken);
            _ = JsonSerializer.SerializeToUtf8Bytes(answer.Response, CdsHooks.CdsJson.Options);
            return answer.Response?.Cards.Count ?? -1;
        }
    }
}

/// <summary>/readyz: configuration valid (options are validated on start), rules loaded and warm-up done; Unhealthy while warming up or stopping.</summary>
internal sealed class ReadinessCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy("warmed up") : HealthCheckResult.Unhealthy("warming up or stopping"));
}

internal static class HealthRegistration
{
    /// <summary>The tag of checks that /readyz runs.</summary>
    internal const string ReadyTag = "ready";

    public static IServiceCollection AddCdsBoneHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Readiness>();
        services.AddSingleton<KeySourceStatus>();
        services.AddHostedService<KeySourceCheck>();
        services.AddHostedService<WarmupService>();
        services.AddHealthChecks()
            .AddCheck<ReadinessCheck>("readiness", tags: [ReadyTag])
            .AddCheck<KeySourceHealthCheck>("key-sources", tags: [ReadyTag]);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.GetValue("CdsBone:ShutdownTimeout", TimeSpan.FromSeconds(25)));
        return services;
    }

    public static WebApplication MapCdsBoneHealth(this WebApplication app)
    {
        // Liveness: the process answers. Readiness: it should get traffic.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).WithTags("Operations");
        // Readiness says which check is not healthy: "Degraded" alone would not tell an operator which key set is down.
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadiness })
            .WithTags("Operations");
        return app;
    }

    private static Task WriteReadiness(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }, StringComparer.Ordinal),
        }));
    }
}
