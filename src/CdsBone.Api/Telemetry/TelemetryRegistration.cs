using System.Reflection;
using CdsBone.Fhir.Client;
using Microsoft.Extensions.Diagnostics.Sampling;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CdsBone.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics (exported by OTLP when the standard <c>OTEL_EXPORTER_OTLP_*</c> variables are set, and
/// scraped by Prometheus at <c>/metrics</c>), and logs as JSON lines with trace id, span id and hookInstance outside
/// Development.
/// </summary>
internal static class TelemetryRegistration
{
    private const string ServiceName = "cdsbone";

    /// <summary>Rules for keeping a share of log lines: the section Microsoft.Extensions.Telemetry's random probabilistic sampler reads.</summary>
    public const string LogSamplingSection = "RandomProbabilisticSampler";

    public static WebApplicationBuilder AddCdsBoneTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.FormatterName = JsonLogFormatter.FormatterName)
                .AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>(o => o.IncludeScopes = true);
        }

        // A share of the lines of a category, level or event can be kept instead of all or none (issue 15: the line per
        // successful hook costs a fifth of the throughput at Information). No rule: every line is kept.
        // The library reads its rules from the section named in its documentation, so the official docs apply as they are.
        builder.Logging.AddRandomProbabilisticSampler(builder.Configuration);
        builder.Services.AddOptions<RandomProbabilisticSamplerOptions>()
            .Validate(o => o.Rules.All(r => r.Probability is >= 0d and <= 1d), $"{LogSamplingSection}:Rules:*:Probability must be between 0 and 1")
            .ValidateOnStart();

        // Polly logs every attempt of a FHIR or key-set call at Warning: the per-call outcome is already counted and
        // traced, so attempts are Debug detail (the final failure still surfaces as a fhir_calls outcome and a span).
        builder.Services.Configure<Polly.Telemetry.TelemetryOptions>(o => o.SeverityProvider = args =>
            args.Event.EventName is "ExecutionAttempt" or "OnRetry" ? Polly.Telemetry.ResilienceEventSeverity.Debug : args.Event.Severity);

        var version = typeof(TelemetryRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(ServiceName, serviceVersion: version)
                .AddAttributes([new("deployment.environment", builder.Environment.EnvironmentName.ToLowerInvariant())]))
            .WithMetrics(metrics => metrics
                .AddMeter(CdsMetrics.MeterName, FhirTelemetry.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                .AddPrometheusExporter());

        // After the meter provider's hosted service, so that the zero series are recorded while it listens.
        builder.Services.AddHostedService<MetricBaseline>();

        // Traces go somewhere only through OTLP: without an endpoint, no span is built at all (it costs every request).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                    .AddSource(HookTelemetry.SourceName, FhirTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = RedactFhirUrl))
                .UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication MapCdsBoneMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");

    /// <summary>FHIR call-back URLs hold patient ids: the HTTP span keeps only the server.</summary>
    private static void RedactFhirUrl(System.Diagnostics.Activity activity, HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(FhirTelemetry.FhirCallback, out var isFhir) && isFhir && request.RequestUri is { } uri)
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/[fhir]");
            activity.SetTag("url.path", null);
            activity.SetTag("url.query", null);
        }
    }
}
