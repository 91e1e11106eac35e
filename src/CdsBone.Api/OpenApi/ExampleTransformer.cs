using System.Text.Json.Nodes;
using CdsBone.Api.Discovery;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CdsBone.Api.OpenApi;

/// <summary>
/// Adds examples to the CDS Hooks operations: one request per discovered service, dated relative to the moment the
/// document is served (the clock is the service's), and the answers and errors they lead to.
/// </summary>
internal sealed class ExampleTransformer(DiscoveryDocument discovery, TimeProvider clock) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName)
        {
            case "InvokeService":
                SetRequestExamples(operation, discovery.Services.OrderBy(s => s.Id, StringComparer.Ordinal).ToDictionary(
                    s => s.Id,
                    s => (IOpenApiExample)new OpenApiExample
                    {
                        Summary = $"{s.Hook} request for {s.Id}",
                        Description = $"POST it to /cds-services/{s.Id}. Its estradiol result is dated {Examples.LabAge.TotalDays:0} days before now.",
                        Value = JsonNode.Parse(Examples.HookRequest(s.Hook, now)),
                    },
                    StringComparer.Ordinal));
                SetResponseExample(operation, "200", Examples.HookResponse(now));
                SetResponseExample(operation, "412", Examples.MissingData);
                break;
            case "Feedback":
                SetRequestExamples(operation, new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal)
                {
                    ["overridden"] = new OpenApiExample { Summary = "A card overridden with a reason", Value = JsonNode.Parse(Examples.Feedback) },
                });
                break;
            case "Discovery":
                SetResponseExample(operation, "200", Examples.Discovery);
                break;
        }

        return Task.CompletedTask;
    }

    private static void SetRequestExamples(OpenApiOperation operation, Dictionary<string, IOpenApiExample> examples)
    {
        if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) && media is OpenApiMediaType mediaType)
        {
            mediaType.Example = null;
            mediaType.Examples = examples;
        }
    }

    private static void SetResponseExample(OpenApiOperation operation, string status, string json)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content)
        {
            foreach (var media in content.Values.OfType<OpenApiMediaType>())
            {
                media.Example = JsonNode.Parse(json);
            }
        }
    }
}
