using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CdsBone.Fhir.Mapping;
using CdsBone.Fhir.Serialization;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CdsBone.Fhir.Client;

/// <summary>
/// Runs prefetch queries against an allowed FHIR server (typed HttpClient; retries, per-attempt timeout and a circuit
/// breaker per server come from its resilience pipeline, the token's expiry is checked before every attempt). Follows
/// <c>next</c> links on the same server up to the page cap, bounds every response's size and the whole hook's bytes and
/// resources (<see cref="FetchBudget"/>), parses strictly (<see cref="StrictJson"/>), and turns every failure into a
/// <see cref="FetchResult"/>, never an exception.
/// </summary>
public sealed class FhirFetcher(HttpClient http, IOptions<FhirClientOptions> options, TimeProvider clock)
{
    private const string FhirJson = "application/fhir+json";
    private const int MaxDepth = 64;
    private readonly FhirClientOptions _options = options.Value;

    /// <summary>Reads <paramref name="relativeQuery"/> (a read or a search) from <paramref name="server"/>, within <paramref name="budget"/>.</summary>
    public async Task<FetchResult> FetchAsync(Uri server, string relativeQuery, AccessToken? token, FetchBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(relativeQuery);
        ArgumentNullException.ThrowIfNull(budget);

        // A template gives a relative query; a client's next link is absolute and must lie on the same server.
        var absolute = relativeQuery.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || relativeQuery.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        var text = absolute ? relativeQuery : $"{server.AbsoluteUri.TrimEnd('/')}/{relativeQuery.TrimStart('/')}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var first) || !FhirServerPolicy.IsOnServer(server, first))
        {
            return FetchResult.Failed(absolute ? "a next link is malformed or points outside the FHIR server" : "the query is not a valid URL");
        }

        var pages = new List<JsonElement>();
        var next = first;
        while (next is not null)
        {
            if (pages.Count >= _options.MaxPages)
            {
                return FetchResult.Failed($"more than {_options.MaxPages} pages", pages.Count);
            }

            var (page, problem) = await GetAsync(next, ResourceTypeOf(next), token, budget, cancellationToken);
            if (page is not { ValueKind: JsonValueKind.Object } json)
            {
                return FetchResult.Failed(problem ?? "a page is not a JSON object", pages.Count + 1);
            }

            pages.Add(json);
            if (!budget.TryTakeResources(BundlePages.EntryCount(json)))
            {
                return FetchResult.Failed($"the FHIR data of this call holds more than {budget.MaxResources} resources", pages.Count);
            }

            next = null;
            if (Json.String(json, "resourceType"u8) == "Bundle" && BundleReader.NextLink(json) is { } link)
            {
                if (!Uri.TryCreate(link, UriKind.Absolute, out next) || !FhirServerPolicy.IsOnServer(server, next))
                {
                    return FetchResult.Failed("a next link is malformed or points outside the FHIR server", pages.Count);
                }
            }
        }

        // Parsing and joining count against the hook's deadline too.
        if (cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Failed("the hook deadline passed while the FHIR data was read", pages.Count);
        }

        return new FetchResult(pages.Count == 1 && !pages[0].TryGetProperty("link"u8, out _) ? pages[0] : BundlePages.Merge(pages), null, pages.Count);
    }

    private async Task<(JsonElement? Json, string? Problem)> GetAsync(Uri url, string resourceType, AccessToken? token, FetchBudget budget, CancellationToken cancellationToken)
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
            if (token.ExpiresAt is { } expiry)
            {
                request.Options.Set(AccessTokenExpiryHandler.ExpiresAt, expiry);
            }
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (response.ReasonPhrase == AccessTokenExpiryHandler.ExpiredReason)
            {
                FhirTelemetry.Call(resourceType, "token-expired");
                return (null, "the access token expired before a retry");
            }

            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                FhirTelemetry.Call(resourceType, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return (null, $"the FHIR server answered {(int)response.StatusCode}");
            }

            var limit = Math.Min(_options.MaxResponseBytes, budget.RemainingBytes);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var bytes = response.Content.Headers.ContentLength > limit ? null : await ReadLimitedAsync(body, limit, cancellationToken);
            if (bytes is null || !budget.TryTakeBytes(bytes.Length))
            {
                FhirTelemetry.Call(resourceType, "too-large");
                return (null, limit < _options.MaxResponseBytes
                    ? $"the FHIR data of this call is larger than {budget.MaxBytes} bytes"
                    : $"the response is larger than {_options.MaxResponseBytes} bytes");
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Not pooled: the element outlives this call (until the hook is answered); strict, so every string reads safely.
            using var document = StrictJson.Parse(bytes, MaxDepth);
            FhirTelemetry.Call(resourceType, "ok");
            return (document.RootElement.Clone(), null);
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

    /// <summary>
    /// The resource type of a query (<c>…/Observation?…</c>, <c>…/Patient/V1-x</c>): the only part of it a span or a metric
    /// may carry. The last path segment that names an R4 resource type, so that an id starting with a capital is never
    /// taken for one (nor becomes a label value); "resource" when none does (a server's paging link).
    /// </summary>
    internal static string ResourceTypeOf(Uri url) =>
        url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(Hl7.Fhir.Model.ModelInfo.IsKnownResource) ?? "resource";
}
