using System.Diagnostics;
using CdsBone.Api.Discovery;
using CdsBone.Api.Options;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Telemetry;

/// <summary>What the hook endpoint learns about a call that the recorder reports: its hookInstance and why it was refused.</summary>
public sealed class HookCallFeature
{
    /// <summary>The request's hookInstance, once the body was parsed.</summary>
    public string? HookInstance { get; set; }

    /// <summary>The kind of error that refused the call (e.g. <c>RequiredDataUnavailable</c>), when the endpoint refused it.</summary>
    public string? Reason { get; set; }

    /// <summary>Cards, rule ids and indicators of an evaluated call, for its one log line.</summary>
    public Services.HookOutline? Outline { get; set; }

    /// <summary>True once counted and logged.</summary>
    internal bool Recorded { get; set; }
}

/// <summary>
/// Counts, times and logs every hook call (<c>POST /cds-services/{id}</c>) once, whoever answered it: the endpoint (200,
/// 400, 404, 412, 413), the content-type matcher (415), authentication (401), the rate limiter (429) or the exception
/// handler (500). It runs first in the pipeline, so it sees the final status of each.
/// </summary>
internal sealed class HookCallRecorder(
    RequestDelegate next, DiscoveryDocument discovery, IOptionsMonitor<CdsBoneOptions> options, CdsMetrics metrics, ILogger<HookCallRecorder> logger)
{
    private const string ServicesPrefix = "/cds-services";
    private const string UnknownService = "unknown";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || ServiceIdOf(context.Request.Path) is not { } id)
        {
            await next(context);
            return;
        }

        var call = new HookCallFeature();
        context.Features.Set(call);
        var started = Stopwatch.GetTimestamp();

        // Recorded when the response starts, i.e. before the client can see it (a test or a scraper reading right after
        // an answer finds it counted); a response that never started (connection lost) is counted as a 500 below.
        context.Response.OnStarting(() =>
        {
            Record(id, context.Response.StatusCode, call, Stopwatch.GetElapsedTime(started));
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Response.HasStarted)
            {
                Record(id, StatusCodes.Status500InternalServerError, call, Stopwatch.GetElapsedTime(started));
            }
        }
    }

    private void Record(string id, int status, HookCallFeature call, TimeSpan elapsed)
    {
        if (call.Recorded)
        {
            return;
        }

        call.Recorded = true;
        var service = discovery.Find(id);
        var serviceId = service?.Id ?? UnknownService;
        ServiceMode? mode = service is null ? null : options.CurrentValue.ModeOf(service.Id);
        var modeName = mode?.ToString().ToLowerInvariant() ?? "none";
        var outcome = CdsMetrics.OutcomeOf(status, mode is ServiceMode.Off);
        metrics.HookCall(serviceId, modeName, outcome);
        metrics.HookDuration(serviceId, outcome, elapsed);
        var level = status switch
        {
            >= StatusCodes.Status500InternalServerError => LogLevel.Error,
            >= StatusCodes.Status400BadRequest => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        if (logger.IsEnabled(level))
        {
            var durationMs = Math.Round(elapsed.TotalMilliseconds, 1);
            var reason = call.Reason ?? DefaultReason(status);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["hookInstance"] = call.HookInstance ?? "-", ["cdsService"] = serviceId });
            var outline = call.Outline;
            Log.HookCall(logger, level, serviceId, status, durationMs, reason, outline?.CardCount ?? 0, outline?.RuleIds ?? string.Empty,
                outline?.Indicators ?? string.Empty, outline?.InputIssueCount ?? 0);
        }
    }

    /// <summary>Why a call was refused before the endpoint saw it (the endpoint names its own reasons).</summary>
    private static string DefaultReason(int status) => status switch
    {
        < StatusCodes.Status400BadRequest => "-",
        StatusCodes.Status401Unauthorized => "ClientTokenRefused",
        StatusCodes.Status404NotFound => "UnknownService",
        StatusCodes.Status413PayloadTooLarge => "BodyTooLarge",
        StatusCodes.Status415UnsupportedMediaType => "UnsupportedMediaType",
        StatusCodes.Status429TooManyRequests => "RateLimited",
        >= StatusCodes.Status500InternalServerError => "InternalError",
        _ => "Rejected",
    };

    /// <summary>The <c>{id}</c> of <c>/cds-services/{id}</c> (one segment: feedback is <c>/cds-services/{id}/feedback</c>).</summary>
    private static string? ServiceIdOf(PathString path)
    {
        if (!path.StartsWithSegments(ServicesPrefix, StringComparison.Ordinal, out var rest) || !rest.HasValue)
        {
            return null;
        }

        var id = rest.Value!.TrimStart('/');
        return id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) ? id : null;
    }
}

internal static class HookCallRecorderRegistration
{
    public static WebApplication UseCdsBoneHookCallRecorder(this WebApplication app)
    {
        app.UseMiddleware<HookCallRecorder>();
        return app;
    }
}
