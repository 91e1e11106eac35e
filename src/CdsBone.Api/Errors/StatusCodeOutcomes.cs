using CdsBone.Fhir.Serialization;

namespace CdsBone.Api.Errors;

/// <summary>
/// Errors the framework answers itself, without a body (routing's 404 and 405, the content-type matcher's 415), get an
/// OperationOutcome too: every non-2xx answer of the service carries one.
/// </summary>
internal static class StatusCodeOutcomes
{
    public static WebApplication UseOperationOutcomeStatusPages(this WebApplication app)
    {
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (type, message) = status switch
            {
                StatusCodes.Status404NotFound => (OutcomeIssueType.NotFound, "no such endpoint; GET /cds-services lists the services"),
                StatusCodes.Status405MethodNotAllowed => (OutcomeIssueType.NotSupported, "method not allowed on this endpoint"),
                StatusCodes.Status415UnsupportedMediaType => (OutcomeIssueType.NotSupported, $"expected Content-Type application/json, got '{http.Request.ContentType}'"),
                >= 500 => (OutcomeIssueType.Exception, "internal error"),
                _ => (OutcomeIssueType.Invalid, "the request could not be processed"),
            };
            await ErrorResponses.Opaque(status, type, message).ExecuteAsync(http);
        });
        return app;
    }
}
