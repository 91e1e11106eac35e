namespace CdsBone.Api.OpenApi;

/// <summary>The OpenAPI document (Microsoft.AspNetCore.OpenApi) at /openapi/v1.json and Swagger UI at /swagger.</summary>
internal static class OpenApiRegistration
{
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
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ExampleTransformer>();
        });
        return services;
    }

    public static WebApplication MapCdsBoneOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "CdsBone v1");
            ui.RoutePrefix = "swagger";
        });
        return app;
    }
}
