using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CdsBone.Cli.Http;

/// <summary>An HTTP answer: status, raw body (kept verbatim for --json) and the body as JSON when it is JSON.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body as received.</param>
/// <param name="Json">The parsed body, or null when it is empty or not JSON.</param>
/// <param name="ContentType">The media type of the body.</param>
internal sealed record JsonAnswer(HttpStatusCode Status, string Body, JsonElement? Json, string? ContentType)
{
    /// <summary>2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The first OperationOutcome diagnostic or text, for a one-line reason.</summary>
    public string Reason
    {
        get
        {
            var text = Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("issue", out var issues)
                && issues.ValueKind == JsonValueKind.Array && issues.GetArrayLength() > 0
                ? Issue(issues[0])
                : null;
            return $"HTTP {(int)Status}" + (text is null ? string.Empty : $": {text}");
        }
    }

    private static string? Issue(JsonElement issue)
    {
        if (issue.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (issue.TryGetProperty("diagnostics", out var diagnostics) && diagnostics.ValueKind == JsonValueKind.String)
        {
            return diagnostics.GetString();
        }

        return issue.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;
    }
}

/// <summary>GET and POST of JSON, with a bearer token when given; network failures become one-line reasons.</summary>
internal static class JsonHttp
{
    public static Task<JsonAnswer> GetAsync(HttpClient http, Uri url, string? bearer, CancellationToken cancellationToken) =>
        SendAsync(http, HttpMethod.Get, url, null, null, bearer, cancellationToken);

    public static Task<JsonAnswer> PostAsync(HttpClient http, Uri url, string body, string mediaType, string? bearer, CancellationToken cancellationToken) =>
        SendAsync(http, HttpMethod.Post, url, body, mediaType, bearer, cancellationToken);

    public static async Task<JsonAnswer> SendAsync(
        HttpClient http, HttpMethod method, Uri url, string? body, string? mediaType, string? bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType ?? "application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new JsonAnswer(response.StatusCode, text, TryParse(text), response.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"{method} {url.GetLeftPart(UriPartial.Path)} timed out after {http.Timeout.TotalSeconds:0} s");
        }
    }

    private static JsonElement? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
