using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CdsBone.Api.Tests.Support;

/// <summary>A FHIR server for the tests (WireMock.Net on 127.0.0.1, a free port), serving a fixture patient's data.</summary>
internal sealed class FhirServerMock : IDisposable
{
    public const string Token = "test-token-7d1f";

    private FhirServerMock(WireMockServer server) => Server = server;

    public WireMockServer Server { get; }

    public string BaseUrl => $"{Server.Urls[0]}/fhir";

    public static FhirServerMock Start()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        return new FhirServerMock(WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] }));
    }

    /// <summary>Serves the four prefetch queries of <paramref name="request"/>'s patient from its own prefetch.</summary>
    public FhirServerMock Serve(JsonObject request, params string[] skip)
    {
        var patientId = request["context"]!["patientId"]!.GetValue<string>();
        var prefetch = request["prefetch"]!.AsObject();
        if (!skip.Contains("patient"))
        {
            Respond($"/fhir/Patient/{patientId}", prefetch["patient"]!);
        }

        foreach (var (key, type) in new[] { ("observations", "Observation"), ("medications", "MedicationRequest"), ("conditions", "Condition") })
        {
            if (!skip.Contains(key))
            {
                Respond($"/fhir/{type}", prefetch[key]!, patientId);
            }
        }

        return this;
    }

    public void Respond(string path, JsonNode body, string? patientId = null, int status = 200)
    {
        var matcher = Request.Create().WithPath(path).UsingGet();
        if (patientId is not null)
        {
            matcher = matcher.WithParam("patient", patientId);
        }

        Server.Given(matcher).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(body.ToJsonString()));
    }

    public IReadOnlyList<WireMock.Logging.ILogEntry> Requests(string pathPrefix) =>
        Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>The request as a client that prefetches nothing sends it: fhirServer and a token, no prefetch.</summary>
    public JsonObject WithoutPrefetch(JsonObject request, int expiresIn = 300)
    {
        request.Remove("prefetch");
        return WithServerAndToken(request, expiresIn);
    }

    /// <summary>The request with this server as fhirServer and a token for it; its prefetch is left as it is.</summary>
    public JsonObject WithServerAndToken(JsonObject request, int expiresIn = 300)
    {
        request["fhirServer"] = BaseUrl;
        request["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["scope"] = "patient/*.read",
            ["subject"] = "cdsbone",
        };
        return request;
    }

    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CdsBone:Fhir:AllowedServers:0"] = BaseUrl,
            ["CdsBone:Fhir:Retry:BaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Dispose() => Server.Stop();
}
