using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CdsBone.Api.Tests.Support;

/// <summary>The service with authentication on, trusting <see cref="TestIssuer"/> through a JWKS URL or inline keys.</summary>
internal static class AuthenticatedApp
{
    public const string Service = "/cds-services/anastrozole-order-sign";

    public static CdsBoneApplication Create(string? jwksUrl, string? inlineJwks = null, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CdsBone:Auth:Required"] = "true",
            ["CdsBone:PublicBaseUrl"] = TestIssuer.PublicBase,
            ["CdsBone:Auth:Issuers:0:Issuer"] = TestIssuer.Name,
            ["CdsBone:Auth:Issuers:0:JwksUri"] = jwksUrl,
            ["CdsBone:Auth:Issuers:0:Jwks"] = inlineJwks,
            ["CdsBone:RateLimit:PermitsPerSecond"] = "100000",
            ["CdsBone:RateLimit:Burst"] = "100000",
            ["CdsBone:RateLimit:FailedAuthPerSecond"] = "100000",
            ["CdsBone:RateLimit:FailedAuthBurst"] = "100000",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new CdsBoneApplication(settings);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Service)
        {
            Content = new StringContent((body ?? TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2")).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>Sends <paramref name="copies"/> copies of one token at once; the statuses, in no order.</summary>
    public static async Task<List<System.Net.HttpStatusCode>> RaceAsync(HttpClient client, string token, int copies)
    {
        var body = TestFiles.Request(TestFiles.VisibleFixtures, "V2-fertility-protocol-low-e2");
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, copies).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var response = await PostAsync(client, token, body.DeepClone());
            return response.StatusCode;
        })).ToList();
        start.Set();
        return [.. await Task.WhenAll(calls)];
    }
}
