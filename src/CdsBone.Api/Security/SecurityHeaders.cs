namespace CdsBone.Api.Security;

/// <summary>
/// Response hardening: no sniffing, no framing, no referrer, a deny-all CSP on the API (Swagger UI needs its scripts),
/// and no caching of hook answers, which carry clinical data.
/// </summary>
internal static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                // The trend view (/app) sets its own, stricter-than-Swagger page policy (TrendViewRegistration).
                if (!context.Request.Path.StartsWithSegments("/swagger") && !context.Request.Path.StartsWithSegments("/app"))
                {
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                }

                if (context.Request.Path.StartsWithSegments("/cds-services") && HttpMethods.IsPost(context.Request.Method))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
