using System.Text.Json;
using CdsBone.Rules.Evaluation;

namespace CdsBone.Api.Discovery;

/// <summary>
/// <c>cds-services.json</c>, the single source of discovery: its bytes are served verbatim, and the services it lists
/// are the ones the host answers. Loaded once at startup; a document naming a hook CdsBone cannot serve fails the start.
/// </summary>
public sealed class DiscoveryDocument
{
    /// <summary>The file name, next to the application (copied there at build and publish).</summary>
    public const string FileName = "cds-services.json";

    private static readonly Dictionary<string, HookTrigger> Hooks = new(StringComparer.Ordinal)
    {
        ["order-sign"] = HookTrigger.OrderSign,
        ["order-select"] = HookTrigger.OrderSelect,
        ["patient-view"] = HookTrigger.PatientView,
    };

    private readonly Dictionary<string, CdsService> _services;

    private DiscoveryDocument(byte[] content, Dictionary<string, CdsService> services) => (Content, _services) = (content, services);

    /// <summary>The document as it is on disk.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The services listed.</summary>
    public IReadOnlyCollection<CdsService> Services => _services.Values;

    /// <summary>The service with <paramref name="id"/>, if listed.</summary>
    public CdsService? Find(string id) => _services.GetValueOrDefault(id);

    /// <summary>Loads and checks the document at <paramref name="path"/>.</summary>
    public static DiscoveryDocument Load(string path)
    {
        var content = File.ReadAllBytes(path);
        using var document = JsonDocument.Parse(content);
        var services = new Dictionary<string, CdsService>(StringComparer.Ordinal);
        foreach (var service in document.RootElement.GetProperty("services").EnumerateArray())
        {
            var id = service.GetProperty("id").GetString() ?? throw new InvalidDataException("a service has no id");
            var hook = service.GetProperty("hook").GetString() ?? throw new InvalidDataException($"service {id} has no hook");
            if (!Hooks.TryGetValue(hook, out var trigger))
            {
                throw new InvalidDataException($"service {id}: CdsBone does not serve the '{hook}' hook");
            }

            var templates = service.TryGetProperty("prefetch", out var prefetch)
                ? prefetch.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                : [];
            services.Add(id, new CdsService(id, hook, trigger, templates));
        }

        return new DiscoveryDocument(content, services);
    }
}
