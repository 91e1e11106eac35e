using CdsBone.Api.Options;
using CdsBone.Api.Security;
using CdsBone.Fhir.Client;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CdsBone.Api.TrendView;

/// <summary>The trend view's registrations and routes (ADR 0010).</summary>
internal static class TrendViewRegistration
{
    /// <summary>The Redis key of the shared Data Protection key ring.</summary>
    public const string KeyRingRedisKey = "cdsbone:data-protection-keys";

    /// <summary>
    /// The page's Content-Security-Policy: nothing but the style sheet from here (no script, no inline style, no frame,
    /// no form to elsewhere). The charts are inline SVG with presentation attributes, which need no exception.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// Options (validated at start: an enabled app needs a client id and a redirect URL), the card link, and when enabled
    /// the cookies' Data Protection (its key ring in Redis when <c>CdsBone:Auth:ReplayCacheRedis</c> says replicas share
    /// one), the token client and the data loader.
    /// </summary>
    public static WebApplicationBuilder AddTrendView(this WebApplicationBuilder builder)
    {
        var publicBaseUrl = builder.Configuration[$"{CdsBoneOptions.SectionName}:PublicBaseUrl"];
        builder.Services.AddOptions<TrendViewOptions>().BindConfiguration(TrendViewOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ClientId), "CdsBone:TrendView:ClientId is required when the trend view is enabled")
            .Validate(o => !o.Enabled || o.RedirectUrlFor(publicBaseUrl) is not null, "CdsBone:TrendView:RedirectUrl or CdsBone:PublicBaseUrl is required when the trend view is enabled")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(TrendViewOptions.SectionName).Get<TrendViewOptions>() ?? new TrendViewOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        builder.Services.AddSingleton<TrendViewCardLink>();
        var protection = builder.Services.AddDataProtection().SetApplicationName("CdsBone");
        var redis = builder.Configuration[$"{ClientAuthOptions.SectionName}:ReplayCacheRedis"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Replicas that share the replay store share the key ring too: a cookie written by one opens on every other.
            var connection = new Lazy<ConnectionMultiplexer>(() =>
            {
                var configuration = ConfigurationOptions.Parse(redis);
                configuration.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(configuration);
            });
            protection.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), KeyRingRedisKey);
        }

        builder.Services.AddSingleton<TrendCookies>();
        builder.Services.AddSingleton<TrendDataLoader>();
        builder.Services.AddHttpClient(SmartLaunchEndpoints.TokenClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<FhirClientOptions>>().Value.Timeout)
            // The token endpoint's answer is a credential, and the client's own logs carry URLs: neither is logged.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return builder;
    }

    /// <summary>The app's routes under <c>/app</c>, when enabled, with its security headers and no caching.</summary>
    public static WebApplication MapTrendView(this WebApplication app)
    {
        // Read from configuration, not the options: their validation belongs to start-up (ValidateOnStart), not to mapping.
        if (!app.Configuration.GetValue<bool>($"{TrendViewOptions.SectionName}:{nameof(TrendViewOptions.Enabled)}"))
        {
            return app;
        }

        var group = app.MapGroup(TrendViewPaths.Base).ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.CacheControl = "no-store";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return await next(context);
        });
        group.MapGet("/launch", SmartLaunchEndpoints.Launch);
        group.MapGet("/callback", SmartLaunchEndpoints.Callback);
        group.MapGet("/trends", TrendsEndpoint.Trends);
        group.MapGet("/trends.css", TrendsEndpoint.StyleSheet);
        return app;
    }
}
