using System.Diagnostics;
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

    private static async Task<IResult> InvokeAsync(
        string id, HttpRequest http, DiscoveryDocument discovery, HookEvaluator evaluator, IOptionsMonitor<CdsBoneOptions> options, CdsMetrics metrics,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await AnswerAsync(id, http, discovery, evaluator, options.CurrentValue, cancellationToken);
        var outcome = result is IStatusCodeHttpResult { StatusCode: { } status and not 200 } ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "ok";
        metrics.HookDuration(discovery.Find(id)?.Id ?? "unknown", outcome, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private static async Task<IResult> AnswerAsync(
        string id, HttpRequest http, DiscoveryDocument discovery, HookEvaluator evaluator, CdsBoneOptions options, CancellationToken cancellationToken)
    {
        if (discovery.Find(id) is not { } service)
        {
            return ErrorResponses.ToResult(new UnknownService(id));
        }

        var (body, bodyError) = await RequestBody.ReadJsonAsync(http, options.Limits.MaxRequestBytes, cancellationToken);
        if (bodyError is not null)
        {
            return ErrorResponses.ToResult(bodyError);
        }

        // The parsed document reads the pooled body in place: both live until the response is written.
        http.HttpContext.Response.RegisterForDispose(body!);
        var (request, document, parseError) = CdsRequestParser.Parse(body!.Memory);
        if (parseError is not null)
        {
            return ErrorResponses.ToResult(parseError);
        }

        http.HttpContext.Response.RegisterForDispose(document!);
        if (!string.Equals(request!.Hook, service.Hook, StringComparison.Ordinal))
        {
            return ErrorResponses.ToResult(new HookMismatch(service.Id, service.Hook, request.Hook));
        }

        var answer = await evaluator.EvaluateAsync(service, request, cancellationToken);
        return answer.Error is { } error ? ErrorResponses.ToResult(error) : TypedResults.Json(answer.Response, CdsJson.Options);
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
