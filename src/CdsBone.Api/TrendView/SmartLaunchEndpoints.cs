using System.Text.Json;
using CdsBone.Api.Options;
using CdsBone.Fhir.Client;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CdsBone.Api.TrendView;

/// <summary>
/// SMART App Launch 2.0: <c>GET /app/launch</c> (EHR launch with <c>iss</c> and <c>launch</c>; standalone with
/// <c>iss</c> alone) and <c>GET /app/callback</c> (code for token, PKCE S256, state checked in constant time).
/// <c>iss</c> must be on <c>CdsBone:Fhir:AllowedServers</c>: the app never sends a user to, or a code to, a server the
/// service does not trust. Nothing from the patient's record is put in a URL or a log.
/// </summary>
internal static class SmartLaunchEndpoints
{
    public const string TokenClientName = "CdsBone.TrendView.Token";
    private const string SmartConfigurationPath = ".well-known/smart-configuration";
    private const string S256 = "S256";

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Launch(
        string? iss, string? launch, HttpContext context, FhirServerPolicy policy, FhirFetcher fetcher, TrendCookies cookies,
        IOptions<TrendViewOptions> trendView, IOptions<CdsBoneOptions> service, IOptions<FhirClientOptions> fhir,
        IHostEnvironment environment, TimeProvider clock, ILogger<TrendViewOptions> logger, CancellationToken cancellationToken)
    {
        var options = trendView.Value;
        var (server, problem) = policy.Check(iss);
        if (server is null)
        {
            return Refused(logger, problem ?? "no iss", "The FHIR server that launched the app is not one this service may call (CdsBone:Fhir:AllowedServers).");
        }

        var fetched = await fetcher.FetchAsync(server, SmartConfigurationPath, token: null, FetchBudget.For(fhir.Value), cancellationToken);
        var configuration = fetched.Value is { } json ? Read(json) : null;
        if (configuration is not { AuthorizationEndpoint: { } authorize, TokenEndpoint: { } token }
            || !IsEndpoint(authorize, environment) || !IsEndpoint(token, environment))
        {
            return Refused(logger, fetched.Problem ?? "smart-configuration lacks usable endpoints", "The FHIR server's SMART configuration could not be read.");
        }

        if (configuration.CodeChallengeMethodsSupported is { } methods && !methods.Contains(S256, StringComparer.Ordinal))
        {
            return Refused(logger, "the server does not support PKCE S256", "The FHIR server's authorization server does not support PKCE (S256).");
        }

        var redirect = options.RedirectUrlFor(service.Value.PublicBaseUrl) ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{TrendViewPaths.Callback}";
        var state = Pkce.NewSecret();
        var verifier = Pkce.NewSecret();
        cookies.WriteLaunch(context, new LaunchState(state, verifier, server.AbsoluteUri.TrimEnd('/'), token, clock.GetUtcNow().Add(options.LaunchLifetime)));
        var standalone = string.IsNullOrEmpty(launch);
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = options.ClientId,
            ["redirect_uri"] = redirect,
            ["scope"] = standalone ? options.StandaloneScopes : options.Scopes,
            ["state"] = state,
            ["aud"] = server.AbsoluteUri.TrimEnd('/'),
            ["code_challenge"] = Pkce.Challenge(verifier),
            ["code_challenge_method"] = S256,
        };
        if (!standalone)
        {
            query["launch"] = launch;
        }

        return TypedResults.Redirect(QueryHelpers.AddQueryString(authorize, query));
    }

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Callback(
        string? code, string? state, string? error, HttpContext context, TrendCookies cookies, IHttpClientFactory clients,
        IOptions<TrendViewOptions> trendView, IOptions<CdsBoneOptions> service, TimeProvider clock, ILogger<TrendViewOptions> logger,
        CancellationToken cancellationToken)
    {
        var launch = cookies.ReadLaunch(context);
        TrendCookies.Delete(context, TrendCookies.LaunchCookie);
        if (launch is null)
        {
            return Refused(logger, "no launch in progress (absent, expired or not ours)", "This sign-in was not started here or took too long. Open the trend view again from the EHR.");
        }

        if (!Pkce.SameSecret(launch.State, state))
        {
            return Refused(logger, "state mismatch", "This sign-in does not match the one started here. Open the trend view again from the EHR.");
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            return Refused(logger, "authorization refused or no code", "The EHR did not authorize the trend view.");
        }

        var options = trendView.Value;
        var redirect = options.RedirectUrlFor(service.Value.PublicBaseUrl) ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{TrendViewPaths.Callback}";
        var answer = await ExchangeAsync(clients, launch, code, redirect, options.ClientId!, cancellationToken);
        if (answer is not { AccessToken: { Length: > 0 } accessToken, Patient: { Length: > 0 } patient }
            || !string.Equals(answer.TokenType, "bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(logger, answer is null ? "the token endpoint failed" : "the token response lacks a bearer token or a patient", "The EHR did not give the trend view access to a patient.");
        }

        var now = clock.GetUtcNow();
        var lifetime = answer.ExpiresIn is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : options.DefaultTokenLifetime;
        var expires = now.Add(lifetime < options.MaxSessionLifetime ? lifetime : options.MaxSessionLifetime);
        cookies.WriteSession(context, new TrendSession(launch.Iss, patient, accessToken, expires, answer.AppContext));
        TrendViewLog.SessionStarted(logger, answer.AppContext is null ? "standalone or plain" : "card", (long)(expires - now).TotalSeconds);

        // A redirect: the code does not stay in the address bar or the history, and a reload does not spend it again.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(TrendViewPaths.Trends);
    }

    private static async Task<TokenResponse?> ExchangeAsync(IHttpClientFactory clients, LaunchState launch, string code, string redirect, string clientId, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(TokenClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirect,
            ["client_id"] = clientId,
            ["code_verifier"] = launch.CodeVerifier,
        });
        try
        {
            using var response = await http.PostAsync(new Uri(launch.TokenEndpoint), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, TrendViewJsonContext.Default.TokenResponse, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    private static SmartConfiguration? Read(JsonElement json)
    {
        try
        {
            return json.Deserialize(TrendViewJsonContext.Default.SmartConfiguration);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An absolute https endpoint (http only on loopback in Development, like FHIR servers), without user-info.</summary>
    private static bool IsEndpoint(string url, IHostEnvironment environment) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment() && FhirServerPolicy.IsLoopback(uri)));

    private static ContentHttpResult Refused(ILogger logger, string reason, string message)
    {
        TrendViewLog.LaunchRefused(logger, reason);
        return TrendPage.Message(StatusCodes.Status400BadRequest, "The trend view could not be opened", message);
    }
}
