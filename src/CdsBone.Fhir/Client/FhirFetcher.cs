using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CdsBone.Fhir.Client;

/// <summary>
/// Runs prefetch queries against an allowed FHIR server (typed HttpClient; retries, per-attempt timeout and a circuit
/// breaker per server come from its resilience pipeline). Follows <c>next</c> links on the same server up to the page
/// cap, bounds every response's size, and turns every failure into a <see cref="FetchResult"/>, never an exception.
/// </summary>
public sealed class FhirFetcher(HttpClient http, IOptions<FhirClientOptions> options, TimeProvider clock)
{
    private const string FhirJson = "application/fhir+json";
    private readonly FhirClientOptions _options = options.Value;

    /// <summary>Reads <paramref name="relativeQuery"/> (a read or a search) from <paramref name="server"/>.</summary>
    public async Task<FetchResult> FetchAsync(Uri server, string relativeQuery, AccessToken? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(relativeQuery);
        // A template gives a relative query; a client's next link is absolute and must lie on the same server.
        var first = relativeQuery.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || relativeQuery.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? new Uri(relativeQuery)
            : new Uri($"{server.AbsoluteUri.TrimEnd('/')}/{relativeQuery.TrimStart('/')}");
        if (!FhirServerPolicy.IsOnServer(server, first))
        {
            return FetchResult.Failed("a next link points outside the FHIR server");
        }

        var (json, problem) = await GetAsync(first, ResourceTypeOf(first), token, cancellationToken);
        if (json is not JsonObject root)
        {
            return FetchResult.Failed(problem ?? "no JSON object returned", 1);
        }

        var pages = 1;
        var entries = root["entry"] as JsonArray;
        var next = NextLink(root);
        while (next is not null && root["resourceType"]?.GetValue<string>() == "Bundle")
        {
            if (pages >= _options.MaxPages)
            {
                return FetchResult.Failed($"more than {_options.MaxPages} pages", pages);
            }

            if (!Uri.TryCreate(next, UriKind.Absolute, out var nextUri) || !FhirServerPolicy.IsOnServer(server, nextUri))
            {
                return FetchResult.Failed("a next link points outside the FHIR server", pages);
            }

            var (page, pageProblem) = await GetAsync(nextUri, ResourceTypeOf(nextUri), token, cancellationToken);
            if (page is not JsonObject pageObject)
            {
                return FetchResult.Failed(pageProblem ?? "a page is not a JSON object", pages);
            }

            pages++;
            entries ??= [];
            foreach (var entry in (pageObject["entry"] as JsonArray ?? []).ToList())
            {
                entries.Add(entry?.DeepClone());
            }

            next = NextLink(pageObject);
        }

        if (entries is not null)
        {
            root["entry"] = entries;
        }

        root.Remove("link");
        return new FetchResult(JsonSerializer.SerializeToElement(root), null, pages);
    }

    private async Task<(JsonNode? Json, string? Problem)> GetAsync(Uri url, string resourceType, AccessToken? token, CancellationToken cancellationToken)
    {
        if (token is not null && !token.IsUsableAt(clock.GetUtcNow()))
        {
            return (null, "the access token has expired");
        }

        using var activity = FhirTelemetry.Source.StartActivity($"FHIR GET {resourceType}", ActivityKind.Client);
        activity?.SetTag("fhir.resource_type", resourceType);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        request.Options.Set(FhirTelemetry.FhirCallback, true);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                FhirTelemetry.Call(resourceType, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return (null, $"the FHIR server answered {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var bytes = response.Content.Headers.ContentLength > _options.MaxResponseBytes ? null : await ReadLimitedAsync(body, _options.MaxResponseBytes, cancellationToken);
            if (bytes is null)
            {
                FhirTelemetry.Call(resourceType, "too-large");
                return (null, $"the response is larger than {_options.MaxResponseBytes} bytes");
            }

            var json = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            FhirTelemetry.Call(resourceType, "ok");
            return (json, null);
        }
        catch (BrokenCircuitException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "circuit open");
            FhirTelemetry.Call(resourceType, "circuit-open");
            return (null, "the FHIR server is failing (circuit open)");
        }
        catch (TimeoutRejectedException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            FhirTelemetry.Call(resourceType, "timeout");
            return (null, "the FHIR server did not answer in time");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "deadline");
            FhirTelemetry.Call(resourceType, "deadline");
            return (null, "the hook deadline passed before the FHIR server answered");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or IOException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            FhirTelemetry.Call(resourceType, ex is JsonException ? "malformed" : "unreachable");
            return (null, ex is JsonException ? "the FHIR server returned malformed JSON" : "the FHIR server could not be reached");
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? NextLink(JsonObject bundle) =>
        (bundle["link"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(l => l["relation"] is JsonValue r && r.TryGetValue<string>(out var relation) && relation == "next")?["url"] is JsonValue u
            && u.TryGetValue<string>(out var url) ? url : null;

    /// <summary>
    /// The resource type of a query (<c>…/Observation?…</c>, <c>…/Patient/V1-x</c>): the only part of it a span or a metric
    /// may carry. The last path segment that names an R4 resource type, so that an id starting with a capital is never
    /// taken for one (nor becomes a label value); "resource" when none does (a server's paging link).
    /// </summary>
    internal static string ResourceTypeOf(Uri url) =>
        url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(Hl7.Fhir.Model.ModelInfo.IsKnownResource) ?? "resource";
}
