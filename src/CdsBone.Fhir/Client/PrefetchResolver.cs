using System.Text.Json;
using CdsBone.Fhir.Mapping;
using CdsBone.Fhir.Prefetch;

namespace CdsBone.Fhir.Client;

/// <summary>What the resolver needs from a hook request.</summary>
/// <param name="Templates">The service's prefetch templates, by key.</param>
/// <param name="Context">The hook context (template tokens).</param>
/// <param name="Prefetch">What the client sent, by key (absent keys are missing from the map).</param>
/// <param name="FhirServer">The request's fhirServer.</param>
/// <param name="Token">The bearer token, when the client gave one.</param>
public sealed record PrefetchRequest(
    IReadOnlyDictionary<string, string> Templates,
    JsonElement Context,
    IReadOnlyDictionary<string, JsonElement>? Prefetch,
    string? FhirServer,
    AccessToken? Token);

/// <summary>The prefetch values to evaluate with, and how each key was satisfied.</summary>
/// <param name="Values">Key → value (JSON null for "no data"); keys that could not be had are absent.</param>
/// <param name="Outcomes">One outcome per template key.</param>
public sealed record PrefetchResolution(IReadOnlyDictionary<string, JsonElement> Values, IReadOnlyList<PrefetchOutcome> Outcomes);

/// <summary>
/// Fills in the prefetch the client did not send (CDS-HOOKS.md §1.D): each key that is absent or an OperationOutcome is
/// fetched with the service's own template against the allowed fhirServer, and a paged Bundle is completed from its
/// <c>next</c> links; null means no data and is never queried. Queries run concurrently; the caller's token carries the
/// hook deadline. When the server is not allowed, no request is sent at all.
/// </summary>
public sealed class PrefetchResolver(FhirFetcher fetcher, FhirServerPolicy policy, Microsoft.Extensions.Options.IOptions<FhirClientOptions> options)
{
    /// <summary>Resolves <paramref name="request"/>.</summary>
    public Task<PrefetchResolution> ResolveAsync(PrefetchRequest request, CancellationToken cancellationToken) =>
        ResolveAsync(request, () => cancellationToken);

    /// <summary>
    /// Resolves <paramref name="request"/>, asking for the cancellation token only when something must be fetched (a
    /// deadline's timer need not be armed for a complete prefetch).
    /// </summary>
    public async Task<PrefetchResolution> ResolveAsync(PrefetchRequest request, Func<CancellationToken> cancellationForFetching)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cancellationForFetching);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var outcomes = new List<PrefetchOutcome>();
        var toFetch = new List<(string Key, string Query)>();
        foreach (var (key, template) in request.Templates)
        {
            var sent = request.Prefetch is not null && request.Prefetch.TryGetValue(key, out var value) ? value : (JsonElement?)null;
            switch (Classify(sent))
            {
                case SentAs.NoData:
                    values[key] = sent!.Value;
                    outcomes.Add(new PrefetchOutcome(key, PrefetchSource.NoData));
                    break;
                case SentAs.Complete:
                    values[key] = sent!.Value;
                    outcomes.Add(new PrefetchOutcome(key, PrefetchSource.Provided));
                    break;
                case SentAs.Paged:
                    toFetch.Add((key, NextPageQuery(sent!.Value)));
                    values[key] = sent!.Value;
                    break;
                default:
                    if (PrefetchTemplates.Render(template, request.Context) is { } query)
                    {
                        toFetch.Add((key, query));
                    }
                    else
                    {
                        outcomes.Add(new PrefetchOutcome(key, PrefetchSource.Missing, "its template has a token this request cannot fill"));
                    }

                    break;
            }
        }

        if (toFetch.Count > 0)
        {
            await FetchAsync(request, toFetch, values, outcomes, cancellationForFetching());
        }

        return new PrefetchResolution(values, outcomes);
    }

    private async Task FetchAsync(
        PrefetchRequest request, List<(string Key, string Query)> toFetch, Dictionary<string, JsonElement> values, List<PrefetchOutcome> outcomes, CancellationToken cancellationToken)
    {
        var (server, problem) = policy.Check(request.FhirServer);
        problem ??= request.Token is null && !options.Value.AllowAnonymous ? "no fhirAuthorization to fetch it with" : null;
        if (server is null || problem is not null)
        {
            foreach (var (key, _) in toFetch)
            {
                outcomes.Add(new PrefetchOutcome(key, PrefetchSource.Missing, problem));
                if (values.TryGetValue(key, out var partial))
                {
                    // A paged Bundle that cannot be completed is still better than nothing: evaluate its first page.
                    outcomes[^1] = new PrefetchOutcome(key, PrefetchSource.Provided, $"only the first page: {problem}");
                    values[key] = partial;
                }
            }

            return;
        }

        // One budget for the whole call: all keys and pages together.
        var budget = FetchBudget.For(options.Value);
        var fetches = toFetch.Select(async f => (f.Key, Result: await fetcher.FetchAsync(server, f.Query, request.Token, budget, cancellationToken))).ToList();
        foreach (var (key, result) in await Task.WhenAll(fetches))
        {
            if (result.Value is { } fetched)
            {
                values[key] = values.TryGetValue(key, out var firstPage) ? BundlePages.Merge([firstPage, fetched]) : fetched;
                outcomes.Add(new PrefetchOutcome(key, PrefetchSource.Fetched));
            }
            else
            {
                values.Remove(key);
                outcomes.Add(new PrefetchOutcome(key, PrefetchSource.Failed, result.Problem));
            }
        }
    }

    private static SentAs Classify(JsonElement? sent) => sent switch
    {
        null => SentAs.Absent,
        { ValueKind: JsonValueKind.Null } => SentAs.NoData,
        { ValueKind: JsonValueKind.Object } v when Json.String(v, "resourceType"u8) == "OperationOutcome" => SentAs.Absent,
        { ValueKind: JsonValueKind.Object } v when Json.String(v, "resourceType"u8) == "Bundle" && BundleReader.NextLink(v) is not null => SentAs.Paged,
        _ => SentAs.Complete,
    };

    /// <summary>A client-sent next link, as a query the fetcher checks against the server (absolute links must lie on it).</summary>
    private static string NextPageQuery(JsonElement bundle) => BundleReader.NextLink(bundle)!;

    private enum SentAs
    {
        Absent,
        NoData,
        Complete,
        Paged,
    }
}
