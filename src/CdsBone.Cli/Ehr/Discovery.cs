using System.Text.Json;
using CdsBone.Cli.Auth;
using CdsBone.Cli.Http;

namespace CdsBone.Cli.Ehr;

/// <summary>One service of a discovery document, as a client needs it.</summary>
/// <param name="Id">The URL segment.</param>
/// <param name="Hook">The hook it answers.</param>
/// <param name="Prefetch">Prefetch key → template.</param>
internal sealed record DiscoveredService(string Id, string Hook, IReadOnlyDictionary<string, string> Prefetch);

/// <summary>Reads <c>GET {base}/cds-services</c> and picks the service to call.</summary>
internal static class Discovery
{
    public static async Task<IReadOnlyList<DiscoveredService>> ReadAsync(HttpClient http, ServiceUrl url, RequestSigner signer, CancellationToken cancellationToken)
    {
        var answer = await JsonHttp.GetAsync(http, url.Discovery, signer.TokenFor(url.Discovery), cancellationToken);
        if (!answer.IsSuccess)
        {
            throw new CliException($"discovery {url.Discovery} answered {answer.Reason}");
        }

        return Parse(answer.Json ?? throw new CliException($"discovery {url.Discovery} did not answer JSON"));
    }

    /// <summary>The services of a discovery document; entries without id or hook are skipped.</summary>
    public static IReadOnlyList<DiscoveredService> Parse(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("services", out var services) || services.ValueKind != JsonValueKind.Array)
        {
            throw new CliException("the discovery document has no 'services' array");
        }

        var result = new List<DiscoveredService>();
        foreach (var service in services.EnumerateArray())
        {
            if (service.ValueKind != JsonValueKind.Object || Text(service, "id") is not { } id || Text(service, "hook") is not { } hook)
            {
                continue;
            }

            var prefetch = new Dictionary<string, string>(StringComparer.Ordinal);
            if (service.TryGetProperty("prefetch", out var templates) && templates.ValueKind == JsonValueKind.Object)
            {
                foreach (var template in templates.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.String))
                {
                    prefetch[template.Name] = template.Value.GetString()!;
                }
            }

            result.Add(new DiscoveredService(id, hook, prefetch));
        }

        return result;
    }

    /// <summary>The service named in the URL, else the one service for <paramref name="hook"/>.</summary>
    public static DiscoveredService Choose(IReadOnlyList<DiscoveredService> services, string? serviceId, string? hook)
    {
        if (serviceId is not null)
        {
            var named = services.FirstOrDefault(s => s.Id == serviceId && (hook is null || s.Hook == hook))
                ?? throw new CliException($"discovery lists no service '{serviceId}'" + (hook is null ? string.Empty : $" for hook {hook}"));
            return named;
        }

        var forHook = services.Where(s => s.Hook == hook).ToList();
        return forHook.Count switch
        {
            1 => forHook[0],
            0 => throw new CliException($"discovery lists no service for hook {hook} (it has: {string.Join(", ", services.Select(s => $"{s.Id} ({s.Hook})"))})"),
            _ => throw new CliException($"several services answer {hook} ({string.Join(", ", forHook.Select(s => s.Id))}): name one with URL/cds-services/ID"),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
