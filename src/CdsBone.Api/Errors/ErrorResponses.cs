using CdsBone.Fhir.Serialization;

namespace CdsBone.Api.Errors;

/// <summary>The one translation of failures into HTTP: status code plus an OperationOutcome body (fhir-server's pattern).</summary>
public static class ErrorResponses
{
    /// <summary>The media type of error bodies.</summary>
    public const string FhirJson = "application/fhir+json";

    /// <summary>The HTTP result of <paramref name="error"/>.</summary>
    public static OperationOutcomeResult ToResult(CdsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new OperationOutcomeResult(error.StatusCode, OperationOutcomes.Create(error.Issues));
    }

    /// <summary>Writes <paramref name="error"/> to a response directly (middleware, exception handler).</summary>
    public static Task WriteAsync(HttpContext context, CdsError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ToResult(error).ExecuteAsync(context);
    }

    /// <summary>A body for failures whose detail must not leak (500, 401): the issue type only.</summary>
    public static OperationOutcomeResult Opaque(int statusCode, OutcomeIssueType type, string diagnostics) =>
        new(statusCode, OperationOutcomes.Create([new OutcomeIssue(type, diagnostics)]));
}

/// <summary>An HTTP result carrying an OperationOutcome.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The FHIR JSON body.</param>
public sealed record OperationOutcomeResult(int StatusCode, byte[] Body) : IResult, IStatusCodeHttpResult
{
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ErrorResponses.FhirJson;
        httpContext.Response.ContentLength = Body.Length;
        return httpContext.Response.Body.WriteAsync(Body).AsTask();
    }
}
