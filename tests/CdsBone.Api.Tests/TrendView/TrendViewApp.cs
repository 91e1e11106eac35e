using System.Text.Json.Nodes;
using CdsBone.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdsBone.Api.Tests.TrendView;

/// <summary>
/// The trend view against a WireMock FHIR server that also plays the SMART authorization server: its
/// smart-configuration and token endpoint. One per test.
/// </summary>
internal sealed class TrendViewApp : IAsyncDisposable
{
    public const string ClientId = "cdsbone-trends-test";
    public const string PublicBaseUrl = "http://localhost";
    public const string AppContext = """{"cardUuid":"card-1","recommendation":"reduce-dose","ruleIds":["A2"],"rulesetVersion":"2026.12-1"}""";

    private TrendViewApp(FhirServerMock fhir, CdsBoneApplication app, string patientId)
    {
        Fhir = fhir;
        App = app;
        PatientId = patientId;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(PublicBaseUrl) });
    }

    public FhirServerMock Fhir { get; }

    public CdsBoneApplication App { get; }

    public HttpClient Client { get; }

    public string PatientId { get; }

    public string AuthorizeUrl => $"{Fhir.Server.Urls[0]}/auth/authorize";

    /// <summary>Starts the FHIR server with <paramref name="patientId"/>'s fixture data and the app with the trend view on.</summary>
    public static TrendViewApp Start(string patientId, int expiresIn = 300, Dictionary<string, string?>? more = null, LogCapture? logs = null)
    {
        var fhir = FhirServerMock.Start().Serve(TestFiles.AsPatientView(TestFiles.Request(TestFiles.VisibleFixtures, patientId)));
        var root = fhir.Server.Urls[0];
        fhir.Respond("/fhir/.well-known/smart-configuration", new JsonObject
        {
            ["authorization_endpoint"] = $"{root}/auth/authorize",
            ["token_endpoint"] = $"{root}/auth/token",
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
        });
        fhir.Server.Given(Request.Create().WithPath("/auth/token").UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(new JsonObject
            {
                ["access_token"] = FhirServerMock.Token,
                ["token_type"] = "Bearer",
                ["expires_in"] = expiresIn,
                ["patient"] = patientId,
                ["appContext"] = AppContext,
            }.ToJsonString()));
        var settings = fhir.Settings(new()
        {
            ["CdsBone:PublicBaseUrl"] = PublicBaseUrl,
            ["CdsBone:TrendView:Enabled"] = "true",
            ["CdsBone:TrendView:ClientId"] = ClientId,
        });
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        var app = logs is null ? new CdsBoneApplication(settings) : new CdsBoneApplication(settings, services: s => s.AddLogging(l => l.AddProvider(logs)));
        return new TrendViewApp(fhir, app, patientId);
    }

    /// <summary>An EHR launch up to the authorization redirect; returns the redirect's query.</summary>
    public async Task<Dictionary<string, string>> LaunchAsync(string launch = "launch-123")
    {
        using var response = await Client.GetAsync(new Uri($"/app/launch?iss={Uri.EscapeDataString(Fhir.BaseUrl)}&launch={launch}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(AuthorizeUrl, location.AbsoluteUri, StringComparison.Ordinal);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The whole launch: authorize (as the EHR would, at once) and the callback.</summary>
    public async Task<HttpResponseMessage> LaunchAndCallBackAsync()
    {
        var query = await LaunchAsync();
        return await Client.GetAsync(new Uri($"/app/callback?code=code-1&state={Uri.EscapeDataString(query["state"])}", UriKind.Relative));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Fhir.Dispose();
    }
}
