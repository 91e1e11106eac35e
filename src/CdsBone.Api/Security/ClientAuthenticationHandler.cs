using System.Text.Encodings.Web;
using CdsBone.Api.Errors;
using CdsBone.Api.Options;
using CdsBone.Api.Telemetry;
using CdsBone.Fhir.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.Security;

/// <summary>
/// The CDS Hooks client authentication scheme: a bearer JWT checked by <see cref="ClientTokenValidator"/> against the
/// public URL of the endpoint called. A refusal is a bare 401 with <c>WWW-Authenticate: Bearer</c>; why goes to a log
/// event and a metric (iss, kid, jti, reason), never the token.
/// </summary>
internal sealed class ClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ClientTokenValidator validator,
    PreAuthenticationLimiter preAuthentication,
    IOptionsMonitor<CdsBoneOptions> cdsOptions,
    CdsMetrics metrics) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    public const string SchemeName = "CdsHooksJwt";
    private const string BearerPrefix = "Bearer ";
    private const int MaxLoggedLength = 80;

    /// <summary>Seconds a caller is told to wait after a 429 or a 503 of this handler.</summary>
    private const string RetryAfterSeconds = "1";

    /// <summary>Where a refusal that is not a 401 (429, 503) is handed from authentication to the challenge.</summary>
    private const string RefusalItem = "CdsBone.AuthRefusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[BearerPrefix.Length..].Trim();
        var address = Context.Connection.RemoteIpAddress;
        var issuer = validator.TrustedIssuerNamedBy(token);
        if (!preAuthentication.MayCheck(address, issuer))
        {
            // Counted, not logged: a flood of bad tokens must not become a flood of warnings.
            metrics.AuthRejected(nameof(AuthFailure.PreAuthenticationLimited));
            Context.Items[RefusalItem] = AuthFailure.PreAuthenticationLimited;
            return AuthenticateResult.Fail("too many refused tokens from this address");
        }

        var check = await validator.ValidateAsync(token, ExpectedAudience(), Context.RequestAborted);
        if (check.Identity is not null)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(check.Identity), SchemeName));
        }

        var failure = check.Failure!.Value;
        if (failure is AuthFailure.ReplayStoreUnavailable or AuthFailure.ReplayStoreFull)
        {
            // The service's fault, not the token's: not counted against the caller's address.
            Context.Items[RefusalItem] = failure;
        }
        else
        {
            preAuthentication.Refused(address, issuer);
        }

        Rejected(failure, check.Issuer, check.Kid, check.Jti);
        return AuthenticateResult.Fail("client token refused");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RefusalItem] is AuthFailure refusal)
        {
            Response.Headers.RetryAfter = RetryAfterSeconds;
            var result = refusal == AuthFailure.PreAuthenticationLimited
                ? ErrorResponses.Opaque(StatusCodes.Status429TooManyRequests, OutcomeIssueType.Throttled, "too many refused tokens from this address; retry later")
                : ErrorResponses.Opaque(StatusCodes.Status503ServiceUnavailable, OutcomeIssueType.Transient, "the token replay check is unavailable; retry later");
            await result.ExecuteAsync(Context);
            return;
        }

        if (!Request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            Rejected(AuthFailure.MissingToken, null, null, null);
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        await ErrorResponses.Opaque(StatusCodes.Status401Unauthorized, OutcomeIssueType.Security, "authentication required").ExecuteAsync(Context);
    }

    /// <summary>The aud the token must carry: the public URL of this endpoint (never the internal one behind a proxy).</summary>
    private string ExpectedAudience()
    {
        var publicBase = cdsOptions.CurrentValue.PublicBaseUrl?.TrimEnd('/') ?? $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        return $"{publicBase}{Request.Path}";
    }

    private void Rejected(AuthFailure reason, string? issuer, string? kid, string? jti)
    {
        metrics.AuthRejected(reason.ToString());
        Log.ClientRejected(Logger, reason.ToString(), Clip(issuer), Clip(kid), Clip(jti), Request.Path);
    }

    private static string Clip(string? value) => value is null ? "-" : value.Length <= MaxLoggedLength ? value : value[..MaxLoggedLength];
}
