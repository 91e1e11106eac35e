using CdsBone.Api;
using CdsBone.Api.Errors;
using CdsBone.Api.OpenApi;
using CdsBone.Api.Security;
using CdsBone.Api.Telemetry;
using CdsBone.Api.Terminology;
using CdsBone.Api.TrendView;

try
{
    var builder = WebApplication.CreateBuilder(args);

    // Deployments add a JSON file of CdsBone settings (the Helm chart mounts its ConfigMap there).
    if (builder.Configuration["CDSBONE_CONFIG_FILE"] is { Length: > 0 } configFile)
    {
        builder.Configuration.AddJsonFile(configFile, optional: false, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
    }

    // Configuration: CdsBone options and clinical thresholds, validated on start; body limit.
    builder.AddCdsBoneConfiguration();

    // Listeners: the API URL(s), and the management port for /metrics, /healthz and /readyz when configured.
    builder.AddCdsBoneListeners();

    // Concept classes: the value sets, loaded at start (CdsBone:Terminology).
    builder.Services.AddCdsBoneTerminology();

    // CDS Hooks: discovery, FHIR mapping and prefetch fallback, rules, cards, clock, metrics.
    builder.Services.AddCdsHooks(builder.Environment);

    // Errors: OperationOutcome bodies, mapped in one place.
    builder.Services.AddCdsBoneErrors();

    // Client authentication (CDS Hooks JWT), replay cache, rate limits, hardening.
    builder.AddCdsBoneSecurity();

    // Browser clients (the CDS Hooks sandbox).
    builder.Services.AddCdsBoneCors(builder.Configuration, builder.Environment);

    // Trend view: the SMART on FHIR app under /app (CdsBone:TrendView; off unless enabled).
    builder.AddTrendView();

    // API description (served when CdsBone:OpenApi:Enabled; default in Development only).
    builder.Services.AddCdsBoneOpenApi();

    // Operations: OpenTelemetry traces and metrics, JSON logs, health and readiness with warm-up, graceful shutdown.
    builder.AddCdsBoneTelemetry();
    builder.Services.AddCdsBoneHealth(builder.Configuration);

    await using var app = builder.Build();

    app.UseCdsBoneHookCallRecorder();
    app.UseCdsBoneManagementPort();
    app.UseExceptionHandler();
    app.UseOperationOutcomeStatusPages();
    app.UseCdsBoneSecurity();
    app.MapCdsHooks();
    app.MapTrendView();
    app.MapCdsBoneOpenApi();
    app.MapCdsBoneHealth();
    app.MapCdsBoneMetrics();

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // A service that cannot start says why in one JSON line (not a multi-line trace a log pipeline splits up). Only as
    // its own process: hosted by a test factory, the exception goes to the test.
    JsonLogFormatter.WriteStartFailure(Console.Out, exception);
    return 1;
}
