using CdsBone.Api.Errors;
using CdsBone.Fhir.Serialization;

namespace CdsBone.Api.Telemetry;

/// <summary>
/// Where the service listens. The API URLs come from <c>ASPNETCORE_URLS</c> / <c>ASPNETCORE_HTTP_PORTS</c> (default
/// <c>http://localhost:8080</c>). With <c>CdsBone:ManagementPort</c> set, a second listener on that port answers
/// <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c>, and only those; the API port stops answering them, so that a
/// Service or an Ingress in front of the API port never exposes operations endpoints. The split is made on the port
/// the connection arrived on, not on the Host header, which a caller controls. Unset: one port serves everything.
/// </summary>
internal static class ManagementPort
{
    /// <summary>The configuration key of the management port.</summary>
    public const string ConfigurationKey = "CdsBone:ManagementPort";

    private const string DefaultApiUrl = "http://localhost:8080";
    private const int HighestPort = 65535;

    private static readonly PathString[] ManagementPaths = ["/metrics", "/healthz", "/readyz"];

    /// <summary>The API URLs, plus the management listener on the API's host when a management port is configured.</summary>
    public static WebApplicationBuilder AddCdsBoneListeners(this WebApplicationBuilder builder)
    {
        var urls = ApiUrls(builder.Configuration);
        if (PortOf(builder.Configuration) is { } management)
        {
            var api = urls.Select(BindingAddress.Parse).ToList();
            if (api.Any(a => a.Port == management))
            {
                throw new InvalidOperationException($"{ConfigurationKey} ({management}) must differ from the API port ({string.Join(", ", urls)})");
            }

            urls = [.. urls, $"http://{api[0].Host}:{management}"];
        }

        builder.WebHost.UseUrls(urls);
        return builder;
    }

    /// <summary>Answers 404 to an operations path on the API port and to anything else on the management port.</summary>
    public static WebApplication UseCdsBoneManagementPort(this WebApplication app)
    {
        if (PortOf(app.Configuration) is not { } port)
        {
            return app;
        }

        app.Use((context, next) =>
            IsManagementPath(context.Request.Path) == (context.Connection.LocalPort == port) ? next(context) : NotOnThisPort(context));
        return app;
    }

    /// <summary>The configured management port, if any; a value that is not a port stops the start.</summary>
    public static int? PortOf(IConfiguration configuration)
    {
        var value = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and <= HighestPort
            ? port
            : throw new InvalidOperationException($"{ConfigurationKey} must be a TCP port (1-{HighestPort}), got '{value}'");
    }

    private static string[] ApiUrls(ConfigurationManager configuration)
    {
        if (Split(configuration["urls"]) is { Length: > 0 } urls)
        {
            return urls;
        }

        // ASPNETCORE_HTTP_PORTS / HTTPS_PORTS mean "all interfaces", as Kestrel reads them.
        var ports = Split(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}")).ToArray();
        return ports.Length > 0 ? ports : [DefaultApiUrl];
    }

    private static string[] Split(string? list) => (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsManagementPath(PathString path) => ManagementPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static Task NotOnThisPort(HttpContext context) =>
        ErrorResponses.Opaque(StatusCodes.Status404NotFound, OutcomeIssueType.NotFound, "no such endpoint on this port").ExecuteAsync(context);
}
