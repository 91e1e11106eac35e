namespace CdsBone.Cli.Http;

/// <summary>
/// Where a CDS service lives: the base (<c>http://host:8080</c>) and, when the URL named one, the service id
/// (<c>http://host:8080/cds-services/{id}</c>).
/// </summary>
/// <param name="Base">The base URL, without a trailing slash.</param>
/// <param name="ServiceId">The service id named in the URL, if any.</param>
internal sealed record ServiceUrl(string Base, string? ServiceId)
{
    private const string Segment = "/cds-services";

    /// <summary>The discovery endpoint.</summary>
    public Uri Discovery => new(Base + Segment);

    /// <summary>Parses a base or service URL.</summary>
    public static ServiceUrl Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"'{url}' is not an http(s) URL", ExitCodes.Usage);
        }

        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var at = text.LastIndexOf(Segment, StringComparison.Ordinal);
        if (at < 0)
        {
            return new ServiceUrl(text, null);
        }

        var rest = text[(at + Segment.Length)..].Trim('/');
        var id = rest.Split('/')[0];
        return new ServiceUrl(text[..at], id.Length == 0 ? null : Uri.UnescapeDataString(id));
    }

    /// <summary>The endpoint of service <paramref name="id"/>.</summary>
    public Uri Service(string id) => new($"{Base}{Segment}/{Uri.EscapeDataString(id)}");

    /// <summary>The feedback endpoint of service <paramref name="id"/>.</summary>
    public Uri Feedback(string id) => new($"{Base}{Segment}/{Uri.EscapeDataString(id)}/feedback");
}
