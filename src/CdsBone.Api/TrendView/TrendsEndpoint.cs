using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdsBone.Api.TrendView;

/// <summary>
/// <c>GET /app/trends</c>: the session's patient, read with the session's token. No session: say how to open the app. An
/// expired session, or a token the FHIR server refuses: a new launch at the same server (standalone, since the EHR's
/// launch id is spent), never a page from stale data.
/// </summary>
internal static class TrendsEndpoint
{
    public static async Task<Results<ContentHttpResult, RedirectHttpResult>> Trends(
        HttpContext context, TrendCookies cookies, TrendDataLoader loader, TimeProvider clock, ILogger<TrendDataLoader> logger, CancellationToken cancellationToken)
    {
        var session = cookies.ReadSession(context);
        if (session is null)
        {
            return TrendPage.Message(StatusCodes.Status401Unauthorized, "No trend view session", "Open the trend view from a CdsBone card or from the EHR's app list.");
        }

        if (session.ExpiresAt <= clock.GetUtcNow())
        {
            return Relaunch(context, session, logger);
        }

        var started = Stopwatch.GetTimestamp();
        var (report, failure, problem) = await loader.LoadAsync(session, cancellationToken);
        if (failure == TrendLoadFailure.TokenRefused)
        {
            return Relaunch(context, session, logger);
        }

        if (report is null)
        {
            return TrendPage.Message(StatusCodes.Status503ServiceUnavailable, "The patient's data could not be read", $"The FHIR server did not give the results in time or in full ({problem}). Try again shortly.");
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var charts = report.Charts.Count(c => c.Svg is not null);
        var points = report.Charts.Sum(c => c.Chart.PlottedCount);
        TrendViewLog.Rendered(logger, charts, points, report.Courses.Count, elapsedMs);

        return TrendPage.Trends(report);
    }

    /// <summary>The style sheet: a file rather than inline styles, so that the CSP can forbid them.</summary>
    public static ContentHttpResult StyleSheet(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Content(TrendStyles.Css, "text/css; charset=utf-8");
    }

    private static RedirectHttpResult Relaunch(HttpContext context, TrendSession session, ILogger logger)
    {
        TrendCookies.Delete(context, TrendCookies.SessionCookie);
        TrendViewLog.Relaunch(logger);
        return TypedResults.Redirect($"{TrendViewPaths.Launch}?iss={Uri.EscapeDataString(session.Iss)}");
    }
}
