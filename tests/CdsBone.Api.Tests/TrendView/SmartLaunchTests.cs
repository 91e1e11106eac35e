using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CdsBone.Api.Tests.TrendView;

/// <summary>
/// SMART App Launch of the trend view: the launch (allow-list, smart-configuration, PKCE S256, state, aud, launch), the
/// callback (state checked, code exchanged with the verifier), the session (HttpOnly cookie on /app, token never in the
/// page), expiry (relaunch), and the page's security headers.
/// </summary>
public sealed class SmartLaunchTests
{
    private const string Patient = "V4-falling-e2-trend";

    [Fact]
    public async Task Launch_IssNotOnTheAllowList_IsRefusedWithoutRedirect()
    {
        await using var trend = TrendViewApp.Start(Patient);

        using var response = await trend.Client.GetAsync(new Uri("/app/launch?iss=https%3A%2F%2Fevil.example.org%2Ffhir&launch=x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(trend.Fhir.Server.LogEntries);
    }

    [Fact]
    public async Task Launch_AllowedIss_RedirectsToAuthorizeWithPkceStateAudAndLaunch()
    {
        await using var trend = TrendViewApp.Start(Patient);

        var query = await trend.LaunchAsync("launch-abc");

        Assert.Equal("code", query["response_type"]);
        Assert.Equal(TrendViewApp.ClientId, query["client_id"]);
        Assert.Equal($"{TrendViewApp.PublicBaseUrl}/app/callback", query["redirect_uri"]);
        Assert.Equal(trend.Fhir.BaseUrl, query["aud"]);
        Assert.Equal("launch-abc", query["launch"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].Length);
        Assert.True(query["state"].Length >= 43);
        Assert.Contains("launch", query["scope"].Split(' '));
        Assert.Contains("patient/Observation.rs", query["scope"].Split(' '));
    }

    [Fact]
    public async Task Launch_WithoutLaunchParameter_IsStandaloneAndAsksForThePatient()
    {
        await using var trend = TrendViewApp.Start(Patient);

        using var response = await trend.Client.GetAsync(new Uri($"/app/launch?iss={Uri.EscapeDataString(trend.Fhir.BaseUrl)}", UriKind.Relative));

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.False(query.ContainsKey("launch"));
        Assert.Contains("launch/patient", query["scope"].ToString().Split(' '));
    }

    [Fact]
    public async Task Launch_SetsAnHttpOnlyLaxCookieScopedToApp()
    {
        await using var trend = TrendViewApp.Start(Patient);

        using var response = await trend.Client.GetAsync(new Uri($"/app/launch?iss={Uri.EscapeDataString(trend.Fhir.BaseUrl)}&launch=l", UriKind.Relative));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("cdsbone-launch=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/app", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Callback_StateMismatch_IsRefusedAndNoTokenIsRequested()
    {
        await using var trend = TrendViewApp.Start(Patient);
        await trend.LaunchAsync();

        using var response = await trend.Client.GetAsync(new Uri("/app/callback?code=c&state=forged-state-value", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(trend.Fhir.Requests("/auth/token"));
    }

    [Fact]
    public async Task Callback_WithoutALaunchCookie_IsRefused()
    {
        await using var trend = TrendViewApp.Start(Patient);

        using var response = await trend.Client.GetAsync(new Uri("/app/callback?code=c&state=s", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(trend.Fhir.Requests("/auth/token"));
    }

    [Fact]
    public async Task Callback_ExpiredLaunch_IsRefused()
    {
        await using var trend = TrendViewApp.Start(Patient);
        var query = await trend.LaunchAsync();
        trend.App.Clock.Advance(TimeSpan.FromMinutes(11));

        using var response = await trend.Client.GetAsync(new Uri($"/app/callback?code=c&state={Uri.EscapeDataString(query["state"])}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Callback_ExchangesTheCodeWithTheVerifierOfTheChallenge()
    {
        await using var trend = TrendViewApp.Start(Patient);
        var query = await trend.LaunchAsync();

        using var response = await trend.Client.GetAsync(new Uri($"/app/callback?code=code-9&state={Uri.EscapeDataString(query["state"])}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/trends", response.Headers.Location!.OriginalString);
        var form = QueryHelpers.ParseQuery(Assert.Single(trend.Fhir.Requests("/auth/token")).RequestMessage.Body);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("code-9", form["code"]);
        Assert.Equal(TrendViewApp.ClientId, form["client_id"]);
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        Assert.Equal(query["code_challenge"], challenge);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cdsbone-trends=", StringComparison.Ordinal));
        Assert.DoesNotContain(Support.FhirServerMock.Token, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Trends_AfterLaunch_ReadsWithTheTokenAndNeverShowsIt()
    {
        await using var trend = TrendViewApp.Start(Patient);
        using var callback = await trend.LaunchAndCallBackAsync();

        using var response = await trend.Client.GetAsync(new Uri("/app/trends", UriKind.Relative));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-analyte=\"estradiol\" data-points=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-analyte=\"t-score\" data-points=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("reduce-dose", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Support.FhirServerMock.Token, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(trend.Fhir.Requests("/fhir/").Where(r => !r.RequestMessage.Path.Contains(".well-known", StringComparison.Ordinal)),
            r => Assert.Equal($"Bearer {Support.FhirServerMock.Token}", r.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task Trends_PageCarriesAStrictCspAndNoStore()
    {
        await using var trend = TrendViewApp.Start(Patient);
        using var callback = await trend.LaunchAndCallBackAsync();

        using var response = await trend.Client.GetAsync(new Uri("/app/trends", UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Trends_ExpiredToken_RelaunchesAtTheSameServer()
    {
        await using var trend = TrendViewApp.Start(Patient, expiresIn: 120);
        using var callback = await trend.LaunchAndCallBackAsync();
        trend.App.Clock.Advance(TimeSpan.FromSeconds(121));

        using var response = await trend.Client.GetAsync(new Uri("/app/trends", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/app/launch?iss={Uri.EscapeDataString(trend.Fhir.BaseUrl)}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Trends_TokenRefusedByTheFhirServer_Relaunches()
    {
        await using var trend = TrendViewApp.Start(Patient);
        using var callback = await trend.LaunchAndCallBackAsync();
        trend.Fhir.Server.ResetMappings();
        trend.Fhir.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/*").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401));

        using var response = await trend.Client.GetAsync(new Uri("/app/trends", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/app/launch?iss=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_LogsNeitherThePatientNorTheToken()
    {
        var logs = new Support.LogCapture();
        await using var trend = TrendViewApp.Start(Patient, logs: logs);
        using var callback = await trend.LaunchAndCallBackAsync();

        using var response = await trend.Client.GetAsync(new Uri("/app/trends", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(logs.Lines, m => m.Contains("Trend view rendered", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, m => m.Contains(Patient, StringComparison.Ordinal) || m.Contains(Support.FhirServerMock.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trends_WithoutSession_SaysHowToOpenTheApp()
    {
        await using var trend = TrendViewApp.Start(Patient);

        using var response = await trend.Client.GetAsync(new Uri("/app/trends", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(trend.Fhir.Server.LogEntries);
    }

    [Fact]
    public async Task Trends_ForgedCookie_IsNoSession()
    {
        await using var trend = TrendViewApp.Start(Patient);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/app/trends", UriKind.Relative));
        request.Headers.Add("Cookie", "cdsbone-trends=CfDJ8forged");

        using var response = await trend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task App_Disabled_IsNotServed()
    {
        await using var app = new Support.CdsBoneApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/app/launch?iss=x&launch=y", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Start_EnabledWithoutClientId_FailsWithTheOptionName()
    {
        using var app = new Support.CdsBoneApplication(new() { ["CdsBone:TrendView:Enabled"] = "true", ["CdsBone:PublicBaseUrl"] = "http://localhost" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("CdsBone:TrendView:ClientId", error.ToString(), StringComparison.Ordinal);
    }
}
