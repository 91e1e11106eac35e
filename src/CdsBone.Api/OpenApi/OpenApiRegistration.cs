using CdsBone.Api.Options;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CdsBone.Api.OpenApi;

/// <summary>
/// The OpenAPI document (Microsoft.AspNetCore.OpenApi) at /openapi/v1.json and Swagger UI at /swagger, served only when
/// <c>CdsBone:OpenApi:Enabled</c> is true (default: in Development only; a production service does not describe itself
/// to anonymous callers unless its operator decides so).
/// </summary>
internal static class OpenApiRegistration
{
    /// <summary>The configuration key of the switch.</summary>
    public const string EnabledKey = "CdsBone:OpenApi:Enabled";

    /// <summary>The name of the bearer security scheme.</summary>
    public const string BearerScheme = "cdsClientJwt";

    /// <summary>True when set, else in Development only.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(EnabledKey) ?? environment.IsDevelopment();

    public static IServiceCollection AddCdsBoneOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                // Never the request's Host (a caller could put any URL in the document): the configured public URL, or
                // none, which means "relative to this document".
                var publicBase = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Options.CdsBoneOptions>>().CurrentValue.PublicBaseUrl;
                document.Servers = string.IsNullOrWhiteSpace(publicBase) ? [] : [new Microsoft.OpenApi.OpenApiServer { Url = publicBase.TrimEnd('/') }];
                document.Info.Title = "CdsBone";
                document.Info.Description = "CDS Hooks 2.0 services advising on starting, adjusting or stopping anastrozole, with the evidence behind each card.";
                document.Info.License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://cdsbone.example.org/license") };
                var options = context.ApplicationServices.GetRequiredService<IOptionsMonitor<CdsBoneOptions>>().CurrentValue;
                if (!string.IsNullOrEmpty(options.PublicBaseUrl))
                {
                    document.Servers = [new OpenApiServer { Url = options.PublicBaseUrl.TrimEnd('/'), Description = "This deployment (CdsBone:PublicBaseUrl)" }];
                }

                // Without PublicBaseUrl (Development) the server is the one the document was asked from, written with a trailing slash.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The CDS Hooks client JWT (CDS Hooks 2.0 \"Trusting CDS Clients\"): signed by a trusted EHR, aud = the service's URL.",
                };
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = "CDS Hooks", Description = "Discovery, service invocation and feedback (CDS Hooks 2.0)." },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ExampleTransformer>();
            options.AddOperationTransformer<CdsOperationTransformer>();
            options.AddSchemaTransformer<IntegratorSchemaTransformer>();
        });
        return services;
    }

    public static WebApplication MapCdsBoneOpenApi(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration, app.Environment))
        {
            return app;
        }

        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "CdsBone v1");
            ui.RoutePrefix = "swagger";
        });
        return app;
    }
}
