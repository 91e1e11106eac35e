using System.Net;

namespace CdsBone.Fhir.Client;

/// <summary>
/// Decides whether a request's <c>fhirServer</c> may be called (and sent its token): it must match an allowed base URL
/// (scheme, host, port, and path at a segment boundary), use https, or http on a loopback address in Development
/// only, and carry no user-info, and its path may hold no percent-encoded dot, slash or backslash (<c>..%2F</c> would
/// pass a prefix check here and be decoded into a traversal by the server). Anything else is never contacted: the
/// service must not become a way to reach other hosts or paths, or leak a token.
/// </summary>
public sealed class FhirServerPolicy(IEnumerable<string> allowedServers, bool allowLoopbackHttp)
{
    private readonly List<Uri> _allowed = allowedServers
        .Select(s => Uri.TryCreate(s.TrimEnd('/'), UriKind.Absolute, out var uri) ? uri : null)
        .OfType<Uri>()
        .ToList();

    /// <summary>The normalised base URI when <paramref name="fhirServer"/> may be called, else null and the reason.</summary>
    public (Uri? Base, string? Problem) Check(string? fhirServer)
    {
        if (string.IsNullOrWhiteSpace(fhirServer) || !Uri.TryCreate(fhirServer.TrimEnd('/'), UriKind.Absolute, out var server))
        {
            return (null, "no usable fhirServer in the request");
        }

        if (!string.IsNullOrEmpty(server.UserInfo) || !string.IsNullOrEmpty(server.Query) || !string.IsNullOrEmpty(server.Fragment))
        {
            return (null, "fhirServer must be a plain base URL");
        }

        var schemeAllowed = server.Scheme == Uri.UriSchemeHttps || (server.Scheme == Uri.UriSchemeHttp && allowLoopbackHttp && IsLoopback(server));
        if (!schemeAllowed)
        {
            return (null, "fhirServer must use https");
        }

        return _allowed.Any(allowed => Matches(allowed, server)) ? (server, null) : (null, "fhirServer is not on the allow-list (CdsBone:Fhir:AllowedServers)");
    }

    /// <summary>True when <paramref name="url"/> lies on <paramref name="server"/> (same origin, under its path): next links must.</summary>
    public static bool IsOnServer(Uri server, Uri url) => Matches(server, url);

    private static bool Matches(Uri allowed, Uri candidate)
    {
        if (!string.Equals(allowed.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(allowed.IdnHost, candidate.IdnHost, StringComparison.OrdinalIgnoreCase)
            || allowed.Port != candidate.Port || !string.IsNullOrEmpty(candidate.UserInfo))
        {
            return false;
        }

        var basePath = allowed.AbsolutePath.TrimEnd('/');
        var path = candidate.AbsolutePath;
        if (HasEncodedSeparatorOrDot(path))
        {
            return false;
        }

        return path.Length == basePath.Length ? string.Equals(path, basePath, StringComparison.Ordinal)
            : path.StartsWith(basePath + "/", StringComparison.Ordinal) || (basePath.Length == 0 && path.StartsWith('/'));
    }

    /// <summary>%2E, %2F or %5C (any case), or a backslash: a path segment the server may decode differently than it reads here.</summary>
    private static bool HasEncodedSeparatorOrDot(string path) =>
        path.Contains('\\', StringComparison.Ordinal)
        || path.Contains("%2e", StringComparison.OrdinalIgnoreCase)
        || path.Contains("%2f", StringComparison.OrdinalIgnoreCase)
        || path.Contains("%5c", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for localhost or a loopback address (IPv4 127.0.0.0/8 or IPv6 ::1).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
