using CdsBone.Api.Cards;
using CdsBone.Api.Discovery;
using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using CdsBone.Api.Security;
using CdsBone.Api.Services;
using CdsBone.Api.Telemetry;
using CdsBone.Fhir.Client;
using CdsBone.Fhir.Prefetch;
using CdsBone.Fhir.Serialization;
using CdsBone.Fhir.Units;
using CdsBone.Rules.Evaluation;
using CdsBone.Rules.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdsBone.Api;

/// <summary>The service's registrations, one concern per method (Program.cs reads as a table of contents).</summary>
internal static class CdsBoneServiceCollectionExtensions
{
    private const string CorsPolicy = "CdsClients";

    /// <summary>Options bound from <c>CdsBone</c> and <c>CdsBone:Rules</c>, validated on start; Kestrel's body limit.</summary>
    public static WebApplicationBuilder AddCdsBoneConfiguration(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CdsBoneOptions>().BindConfiguration(CdsBoneOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RuleOptions>().BindConfiguration(RuleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<FhirClientOptions>().BindConfiguration(FhirClientOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var limits = builder.Configuration.GetSection($"{CdsBoneOptions.SectionName}:Limits").Get<LimitOptions>() ?? new LimitOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes);

        return builder;
    }

    /// <summary>Discovery, the FHIR layer (with prefetch fallback), the rules, card assembly, the clock and the instruments.</summary>
    public static IServiceCollection AddCdsHooks(this IServiceCollection services, IHostEnvironment environment)
    {
        // Plain http to a FHIR server is allowed on loopback in Development only (CDS-HOOKS.md 1.A.1).
        services.AddFhirPrefetchFallback(allowLoopbackHttp: environment.IsDevelopment());
        services.AddSingleton(sp => new HookDeadline(
            sp.GetKeyedService<TimeProvider>(FhirClientRegistration.ResilienceClockKey) ?? TimeProvider.System, sp.GetRequiredService<IOptionsMonitor<CdsBoneOptions>>()));
        services.AddSingleton(_ => DiscoveryDocument.Load(Path.Combine(AppContext.BaseDirectory, DiscoveryDocument.FileName)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UcumQuantityConverter>();
        services.AddSingleton<FhirResourceReader>();
        services.AddSingleton<ClinicalFactsMapper>();
        services.AddSingleton(sp => new RuleEngine(sp.GetRequiredService<IOptions<RuleOptions>>().Value));
        services.AddSingleton<CardAssembler>();
        services.AddSingleton<HookEvaluator>();
        services.AddSingleton<CdsMetrics>();
        services.AddMetrics();
        return services;
    }

    /// <summary>Errors mapped in one place: expected ones as data, the rest through the exception handler.</summary>
    public static IServiceCollection AddCdsBoneErrors(this IServiceCollection services)
    {
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>CORS for browser clients: configured origins; any origin only in Development when none is configured.</summary>
    public static IServiceCollection AddCdsBoneCors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var origins = configuration.GetSection($"{CdsBoneOptions.SectionName}:Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins);
            }
            else if (environment.IsDevelopment())
            {
                policy.AllowAnyOrigin();
            }

            policy.WithMethods("GET", "POST", "OPTIONS").WithHeaders("Authorization", "Content-Type").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }

    /// <summary>The CDS Hooks endpoints, with CORS, client authentication and rate limits.</summary>
    public static WebApplication MapCdsHooks(this WebApplication app)
    {
        var authenticate = SecurityRegistration.IsAuthRequired(app.Configuration, app.Environment);
        var openDiscovery = app.Configuration.GetValue<bool>($"{ClientAuthOptions.SectionName}:AllowAnonymousDiscovery");
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapDiscovery().RequireCdsClient(authenticate && !openDiscovery);
        app.MapCdsServices().RequireCdsClient(authenticate);
        Feedback.FeedbackEndpoints.MapFeedback(app).RequireCdsClient(authenticate);
        return app;
    }
}
