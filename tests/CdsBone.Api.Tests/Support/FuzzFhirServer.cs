using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CdsBone.Api.Tests.Support;

/// <summary>
/// An in-process FHIR server for the fuzzer: the FHIR client's primary handler, answering each prefetch query with the
/// bytes set for its resource type (no sockets, so tens of thousands of cases stay fast). Never disposed by the
/// client factory (it outlives handler rotation).
/// </summary>
internal sealed class FuzzFhirServer : HttpMessageHandler
{
    public const string BaseUrl = "https://fhir.fuzz.test/fhir";
    public const string Token = "fuzz-token";

    private volatile Dictionary<string, byte[]> _bodies = [];

    /// <summary>Answers with <paramref name="request"/>'s own prefetch (patient, observations, medications, conditions).</summary>
    public void Serve(JsonObject request) => _bodies = Bodies(request);

    /// <summary>Answers with these bodies, by resource type.</summary>
    public void Serve(Dictionary<string, byte[]> bodies) => _bodies = bodies;

    public static Dictionary<string, byte[]> Bodies(JsonObject request)
    {
        var prefetch = request["prefetch"]!.AsObject();
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["Patient"] = Encoding.UTF8.GetBytes(prefetch["patient"]?.ToJsonString() ?? "null"),
            ["Observation"] = Encoding.UTF8.GetBytes(prefetch["observations"]?.ToJsonString() ?? "null"),
            ["MedicationRequest"] = Encoding.UTF8.GetBytes(prefetch["medications"]?.ToJsonString() ?? "null"),
            ["Condition"] = Encoding.UTF8.GetBytes(prefetch["conditions"]?.ToJsonString() ?? "null"),
        };
    }

    /// <summary>The prefetch key a resource type is served for.</summary>
    public static readonly IReadOnlyDictionary<string, string> KeyOf = new Dictionary<string, string>
    {
        ["Patient"] = "patient",
        ["Observation"] = "observations",
        ["MedicationRequest"] = "medications",
        ["Condition"] = "conditions",
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var type = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => KeyOf.ContainsKey(s));
        var response = type is not null && _bodies.TryGetValue(type, out var body)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    // Shared by every handler rotation of the client factory; HttpMessageHandler holds nothing to release.
    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
