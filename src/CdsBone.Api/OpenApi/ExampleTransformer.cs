using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CdsBone.Api.OpenApi;

/// <summary>Adds a request and a response example to each CDS Hooks operation.</summary>
internal sealed class ExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        switch (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName)
        {
            case "InvokeService":
                SetRequestExample(operation, Examples.HookRequest);
                SetResponseExample(operation, "200", Examples.HookResponse);
                SetResponseExample(operation, "412", Examples.MissingData);
                break;
            case "Feedback":
                SetRequestExample(operation, Examples.Feedback);
                break;
            case "Discovery":
                SetResponseExample(operation, "200", Examples.Discovery);
                break;
        }

        return Task.CompletedTask;
    }

    private static void SetRequestExample(OpenApiOperation operation, string json)
    {
        if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) && media is OpenApiMediaType mediaType)
        {
            mediaType.Example = JsonNode.Parse(json);
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
