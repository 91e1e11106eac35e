using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Security;

/// <summary>
/// AllowedHosts from <c>CdsBone:PublicBaseUrl</c> in Production (issue 12): when <c>AllowedHosts</c> is left at "*",
/// the CDS Hooks and API endpoints answer only requests whose Host is the public URL's host (anything else is a 400),
/// so no answer is built for a forged Host. Operations endpoints (/healthz, /readyz, /metrics) are exempt: the kubelet
/// and Prometheus call them by pod IP; so are loopback hosts (localhost, 127.0.0.1, [::1]), for checks run inside the
/// pod. The built-in host filter cannot exempt paths, hence this check (ADR 0006).
/// </summary>
internal static class PublicHostCheck
{
    public static bool Applies(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsProduction() && configuration["AllowedHosts"] is null or "*"
        && Uri.TryCreate(configuration["CdsBone:PublicBaseUrl"], UriKind.Absolute, out _);

    public static WebApplication UsePublicHostCheck(this WebApplication app)
    {
        if (!Applies(app.Configuration, app.Environment))
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            var publicUrl = new Uri(context.RequestServices.GetRequiredService<IOptionsMonitor<CdsBoneOptions>>().CurrentValue.PublicBaseUrl!);
            var host = context.Request.Host.Host;
            if (IsOperations(context.Request.Path) || string.Equals(host, publicUrl.Host, StringComparison.OrdinalIgnoreCase) || IsLoopback(host))
            {
                await next(context);
                return;
            }

            await ErrorResponses.WriteAsync(context, new MalformedRequest("the Host header is not this service's public host (CdsBone:PublicBaseUrl)"));
        });
        return app;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    private static bool IsOperations(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
