using CdsBone.Api.CdsHooks;
using CdsBone.Api.Discovery;
using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using CdsBone.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Services;

/// <summary><c>POST /cds-services/{id}</c>: invoke a CDS service.</summary>
internal static class HookEndpoints
{
    public static RouteHandlerBuilder MapCdsServices(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapPost("/cds-services/{id}", InvokeAsync)
            .WithName("InvokeService")
            .WithTags("CDS Hooks")
            .WithSummary("Invoke a CDS service")
            .WithDescription("Evaluates the hook (order-sign, order-select or patient-view) and answers with cards; {\"cards\": []} when there is nothing to say. Errors carry a FHIR OperationOutcome.")
            .Accepts<CdsServiceRequest>("application/json")
            .Produces<CdsServiceResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<OperationOutcomeSchema>(StatusCodes.Status400BadRequest, ErrorResponses.FhirJson)
            .Produces<OperationOutcomeSchema>(StatusCodes.Status404NotFound, ErrorResponses.FhirJson)
            .Produces<OperationOutcomeSchema>(StatusCodes.Status412PreconditionFailed, ErrorResponses.FhirJson)
            .Produces<OperationOutcomeSchema>(StatusCodes.Status413PayloadTooLarge, ErrorResponses.FhirJson)
            .Produces<OperationOutcomeSchema>(StatusCodes.Status415UnsupportedMediaType, ErrorResponses.FhirJson);
    }

    // Counted, timed and logged by HookCallRecorder, which also sees the calls refused before this endpoint (401, 429).
    private static Task<IResult> InvokeAsync(
        string id, HttpRequest http, DiscoveryDocument discovery, HookEvaluator evaluator, IOptionsMonitor<CdsBoneOptions> options, CancellationToken cancellationToken) =>
        AnswerAsync(id, http, discovery, evaluator, options.CurrentValue, cancellationToken);

    private static async Task<IResult> AnswerAsync(
        string id, HttpRequest http, DiscoveryDocument discovery, HookEvaluator evaluator, CdsBoneOptions options, CancellationToken cancellationToken)
    {
        var call = http.HttpContext.Features.Get<HookCallFeature>();
        if (discovery.Find(id) is not { } service)
        {
            return Refuse(call, new UnknownService(id));
        }

        var (body, bodyError) = await RequestBody.ReadJsonAsync(http, options.Limits.MaxRequestBytes, cancellationToken);
        if (bodyError is not null)
        {
            return Refuse(call, bodyError);
        }

        // The parsed document reads the pooled body in place: both live until the response is written.
        http.HttpContext.Response.RegisterForDispose(body!);
        var (request, document, parseError) = CdsRequestParser.Parse(body!.Memory);
        if (parseError is not null)
        {
            return Refuse(call, parseError);
        }

        http.HttpContext.Response.RegisterForDispose(document!);
        call?.HookInstance = request!.HookInstance;
        if (!string.Equals(request!.Hook, service.Hook, StringComparison.Ordinal))
        {
            return Refuse(call, new HookMismatch(service.Id, service.Hook, request.Hook));
        }

        var answer = await evaluator.EvaluateAsync(service, request, cancellationToken);
        call?.Outline = answer.Outline;
        return answer.Error is { } error ? Refuse(call, error) : TypedResults.Json(answer.Response, CdsJson.Options);
    }

    /// <summary>The error's answer; its kind (never its detail, which may quote the request) is the call's logged reason.</summary>
    private static OperationOutcomeResult Refuse(HookCallFeature? call, CdsError error)
    {
        call?.Reason = error.GetType().Name;
        return ErrorResponses.ToResult(error);
    }
}

/// <summary>The OperationOutcome shape, for the OpenAPI description of error bodies.</summary>
/// <param name="ResourceType">Always <c>OperationOutcome</c>.</param>
/// <param name="Issue">The issues.</param>
internal sealed record OperationOutcomeSchema(string ResourceType, IReadOnlyList<OperationOutcomeIssueSchema> Issue);

/// <summary>An OperationOutcome issue, for OpenAPI.</summary>
/// <param name="Severity">error.</param>
/// <param name="Code">The FHIR issue type.</param>
/// <param name="Diagnostics">What happened.</param>
/// <param name="Expression">Where.</param>
internal sealed record OperationOutcomeIssueSchema(string Severity, string Code, string? Diagnostics, IReadOnlyList<string>? Expression);
