namespace CdsBone.Api.Discovery;

/// <summary><c>GET /cds-services</c>: the discovery document, verbatim.</summary>
internal static class DiscoveryEndpoints
{
    public static RouteHandlerBuilder MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapGet("/cds-services", GetDiscovery)
            .WithName("Discovery")
            .WithTags("CDS Hooks")
            .WithSummary("List the CDS services (CDS Hooks discovery)")
            .WithDescription("Returns cds-services.json as it is: the three anastrozole services with their hooks and prefetch templates.")
            .Produces<DiscoveryResponseSchema>(StatusCodes.Status200OK, "application/json");
    }

    private static IResult GetDiscovery(DiscoveryDocument discovery) =>
        Results.Bytes(discovery.Content, "application/json");
}

/// <summary>The discovery response's shape, for the OpenAPI description only (the served bytes are the file).</summary>
/// <param name="Services">The services.</param>
internal sealed record DiscoveryResponseSchema(IReadOnlyList<DiscoveryServiceSchema> Services);

/// <summary>A discovery entry's shape, for OpenAPI.</summary>
/// <param name="Hook">The hook.</param>
/// <param name="Title">The title.</param>
/// <param name="Description">The description.</param>
/// <param name="Id">The id.</param>
/// <param name="Prefetch">Prefetch templates.</param>
internal sealed record DiscoveryServiceSchema(string Hook, string? Title, string Description, string Id, IReadOnlyDictionary<string, string>? Prefetch);
