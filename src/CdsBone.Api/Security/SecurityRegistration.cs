using System.Globalization;
using System.Threading.RateLimiting;
using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using CdsBone.Api.Security.Replay;
using CdsBone.Api.Telemetry;
using CdsBone.Fhir.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Security;

/// <summary>Client authentication, the replay cache, rate limits and hardening, registered and applied in one place.</summary>
internal static class SecurityRegistration
{
    public const string ClientPolicy = "CdsClient";
    public const string RateLimitPolicy = "CdsClients";

    /// <summary>True unless set false, or unset in Development.</summary>
    public static bool IsAuthRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{ClientAuthOptions.SectionName}:Required") ?? !environment.IsDevelopment();

    public static WebApplicationBuilder AddCdsBoneSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var required = IsAuthRequired(builder.Configuration, builder.Environment);
        services.AddOptions<ClientAuthOptions>().BindConfiguration(ClientAuthOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !required || o.Issuers.Count > 0 || builder.Environment.IsDevelopment(), "CdsBone:Auth:Issuers must list at least one trusted client when authentication is required")
            .ValidateOnStart();
        services.AddOptions<CdsBoneOptions>()
            .Validate(o => !required || builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(o.PublicBaseUrl), "CdsBone:PublicBaseUrl is required when authentication is required (JWT aud)");
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var redis = builder.Configuration[$"{ClientAuthOptions.SectionName}:ReplayCacheRedis"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IJtiReplayStore, MemoryJtiReplayStore>();
        }
        else
        {
            services.AddSingleton<IJtiReplayStore>(_ => new RedisJtiReplayStore(redis));
        }

        services.AddHealthChecks().AddCheck<ReplayStoreHealthCheck>("replay-store", tags: [HealthRegistration.ReadyTag]);

        // No retries and no client timeout: each fetch runs under TrustedKeySets' own timeout (KeyFetchTimeout).
        services.AddHttpClient(KeySetFetcher.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<KeySetFetcher>();
        services.AddSingleton<TrustedKeySets>();
        services.AddSingleton<JtiReplayCache>();
        services.AddSingleton<PreAuthenticationLimiter>();
        services.AddSingleton<ClientTokenValidator>();
        services.AddAuthentication(ClientAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ClientAuthenticationHandler>(ClientAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ClientPolicy, policy => policy.AddAuthenticationSchemes(ClientAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                return RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                Log.RateLimited(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CdsBone.RateLimit"), http.Request.Path,
                    http.User.Identity?.IsAuthenticated == true ? "authenticated" : "anonymous");
                await ErrorResponses.Opaque(StatusCodes.Status429TooManyRequests, OutcomeIssueType.Throttled, $"too many requests; retry after {retryAfter} s").ExecuteAsync(http);
            };
        });

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseCdsBoneSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("CdsBone:Https:Hsts"))
        {
            app.UseHsts();
        }

        if (app.Configuration.GetValue<bool>("CdsBone:Https:Redirect"))
        {
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UsePublicHostCheck();
        if (!IsAuthRequired(app.Configuration, app.Environment))
        {
            Log.AuthenticationDisabled(app.Logger);
        }

        return app;
    }

    /// <summary>Applies authentication (unless off) and the rate limit to a CDS Hooks endpoint.</summary>
    public static TBuilder RequireCdsClient<TBuilder>(this TBuilder endpoint, bool authenticate)
        where TBuilder : IEndpointConventionBuilder
    {
        endpoint.RequireRateLimiting(RateLimitPolicy);
        if (authenticate)
        {
            endpoint.RequireAuthorization(ClientPolicy);
        }

        return endpoint;
    }

    /// <summary>The authenticated client (issuer, and tenant when the issuer lists its tenants), else the caller's IP.</summary>
    private static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? $"client:{context.User.FindFirst("iss")?.Value}|{context.User.FindFirst("tenant")?.Value}"
            : $"ip:{context.Connection.RemoteIpAddress}";
}
