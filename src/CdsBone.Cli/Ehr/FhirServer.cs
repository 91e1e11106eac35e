using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsBone.Cli.Http;

namespace CdsBone.Cli.Ehr;

/// <summary>A FHIR R4 server the tool reads from (prefetch) and writes to (test patients).</summary>
internal sealed class FhirServer
{
    /// <summary>Pages followed per search: enough for any test patient, bounded against a server that loops.</summary>
    public const int MaxPages = 50;

    private readonly HttpClient http;
    private readonly string? token;

    public FhirServer(HttpClient http, string baseUrl, string? token)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--fhir '{baseUrl}' is not an http(s) URL", ExitCodes.Usage);
        }

        this.http = http;
        this.token = token;
        Base = baseUrl.TrimEnd('/');
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Base { get; }

    /// <summary>The bearer token sent to it, if any.</summary>
    public string? Token => token;

    /// <summary>
    /// The prefetch value for a relative query: the resource of a read (null when it does not exist: authoritative
    /// "no data"), every page of a search merged into one searchset Bundle, or an OperationOutcome when the server
    /// failed (CDS Hooks 2.0 lets a client say so; the service then fetches itself or degrades).
    /// </summary>
    public async Task<(JsonNode? Value, string? Problem)> PrefetchAsync(string relativeQuery, CancellationToken cancellationToken)
    {
        var first = await JsonHttp.GetAsync(http, new Uri($"{Base}/{relativeQuery}"), token, cancellationToken);
        if (first.Status == HttpStatusCode.NotFound && !IsSearch(relativeQuery))
        {
            return (null, null);
        }

        if (!first.IsSuccess || first.Json is not { ValueKind: JsonValueKind.Object } json)
        {
            return (Failure(first), $"{relativeQuery.Split('?')[0]}: {first.Reason}");
        }

        var value = JsonNode.Parse(json.GetRawText())!.AsObject();
        return IsSearch(relativeQuery) && value["resourceType"]?.GetValue<string>() == "Bundle"
            ? await AllPagesAsync(value, cancellationToken)
            : (value, null);
    }

    /// <summary>POSTs a transaction or batch Bundle to the base.</summary>
    public Task<JsonAnswer> TransactionAsync(string bundle, CancellationToken cancellationToken) =>
        JsonHttp.PostAsync(http, new Uri(Base), bundle, "application/fhir+json", token, cancellationToken);

    private async Task<(JsonNode? Value, string? Problem)> AllPagesAsync(JsonObject bundle, CancellationToken cancellationToken)
    {
        var entries = bundle["entry"] as JsonArray ?? [];
        var next = NextLink(bundle);
        for (var page = 1; next is not null; page++)
        {
            if (page >= MaxPages)
            {
                return (OperationOutcome($"more than {MaxPages} pages"), $"search stopped after {MaxPages} pages");
            }

            var answer = await JsonHttp.GetAsync(http, new Uri(next), token, cancellationToken);
            if (!answer.IsSuccess || answer.Json is not { ValueKind: JsonValueKind.Object } json)
            {
                return (Failure(answer), $"next page: {answer.Reason}");
            }

            var more = JsonNode.Parse(json.GetRawText())!.AsObject();
            foreach (var entry in (more["entry"] as JsonArray ?? []).ToList())
            {
                entries.Add(entry!.DeepClone());
            }

            next = NextLink(more);
        }

        // One complete searchset: the service need not page, and prefetch equals what the query returns.
        var merged = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = entries.Count,
        };
        if (entries.Count > 0)
        {
            merged["entry"] = entries.DeepClone();
        }

        return (merged, null);
    }

    private static string? NextLink(JsonObject bundle) =>
        (bundle["link"] as JsonArray ?? [])
            .FirstOrDefault(l => l?["relation"]?.GetValue<string>() == "next")?["url"]?.GetValue<string>();

    private static bool IsSearch(string relativeQuery) => relativeQuery.Split('?')[0].Trim('/').Split('/').Length == 1;

    private static JsonObject Failure(JsonAnswer answer) =>
        answer.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("resourceType", out var type) && type.GetString() == "OperationOutcome"
            ? JsonNode.Parse(json.GetRawText())!.AsObject()
            : OperationOutcome(answer.Reason);

    private static JsonObject OperationOutcome(string diagnostics) => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "exception", ["diagnostics"] = diagnostics }),
    };
}
