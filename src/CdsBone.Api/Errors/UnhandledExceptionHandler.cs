using CdsBone.Api.Options;
using CdsBone.Api.Telemetry;
using CdsBone.Fhir.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Errors;

/// <summary>
/// The last line: Kestrel's body-size and bad-request exceptions become 413/400; anything else is a bug, logged with
/// its type only and answered 500 with no internal detail (no stack traces in any response).
/// </summary>
internal sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger, IOptions<CdsBoneOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var result = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ErrorResponses.ToResult(new PayloadTooLarge(options.Value.Limits.MaxRequestBytes)),
            BadHttpRequestException bad => ErrorResponses.ToResult(new MalformedRequest($"bad request ({bad.StatusCode})")),
            // The trace id (not the traceparent request header, which a response does not carry) ties the answer to the log.
            _ => ErrorResponses.Opaque(StatusCodes.Status500InternalServerError, OutcomeIssueType.Exception, $"internal error; trace id {TraceId(httpContext)}"),
        };
        if (exception is not BadHttpRequestException)
        {
            Log.UnhandledException(logger, exception.GetType().Name, httpContext.Request.Path);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The W3C trace id of this request (32 hex digits), else ASP.NET Core's request id.</summary>
    internal static string TraceId(HttpContext httpContext) =>
        System.Diagnostics.Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : httpContext.TraceIdentifier;
}
