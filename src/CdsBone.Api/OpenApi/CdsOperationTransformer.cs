using System.Text.Json.Nodes;
using CdsBone.Api.Discovery;
using CdsBone.Api.Errors;
using CdsBone.Api.Services;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CdsBone.Api.OpenApi;

/// <summary>
/// What the CDS Hooks operations share but their endpoint metadata cannot say: the client JWT (bearer scheme, 401), the
/// rate limit (429 with Retry-After), and the service ids of the discovery document as the <c>id</c> parameter's enum.
/// </summary>
internal sealed class CdsOperationTransformer(DiscoveryDocument discovery) : IOpenApiOperationTransformer
{
    private static readonly HashSet<string> CdsOperations = new(StringComparer.Ordinal) { "Discovery", "InvokeService", "Feedback" };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is null || !CdsOperations.Contains(name))
        {
            return Task.CompletedTask;
        }

        operation.OperationId ??= name;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiRegistration.BearerScheme, context.Document)] = [] }];
        operation.Responses ??= [];
        operation.Responses["401"] = Error(context.Document, "No valid client JWT (missing, expired, untrusted issuer, wrong audience, replayed).", retryAfter: false);
        operation.Responses["429"] = Error(context.Document, "Too many calls from this client; retry after the Retry-After header's seconds.", retryAfter: true);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { Name: "id", In: ParameterLocation.Path })
            {
                parameter.Description = "The CDS service id, as listed by discovery (GET /cds-services).";
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. discovery.Services.Select(s => (JsonNode)JsonValue.Create(s.Id)).OrderBy(n => n.GetValue<string>(), StringComparer.Ordinal)],
                };
            }
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse { Description: null or "" } described)
            {
                described.Description = status switch
                {
                    "200" => "OK",
                    "400" => "The request is not a valid CDS Hooks request (OperationOutcome says where).",
                    "404" => "No CDS service with this id.",
                    "412" => "Prefetch data the service requires was neither sent nor fetchable.",
                    "413" => "The body is larger than CdsBone:Limits:MaxRequestBytes.",
                    "415" => "The body is not application/json.",
                    _ => "See the OperationOutcome.",
                };
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Error(OpenApiDocument? document, string description, bool retryAfter)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ErrorResponses.FhirJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(nameof(OperationOutcomeSchema), document) },
            },
        };
        if (retryAfter)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before the next call.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }

        return response;
    }
}
