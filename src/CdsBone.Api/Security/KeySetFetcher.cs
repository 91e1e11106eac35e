using CdsBone.Fhir.Client;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Api.Security;

/// <summary>
/// Fetches a JWK Set over a hardened HttpClient: https only (http to loopback in Development), no user-info, no
/// redirects (the named client does not follow them), a size limit enforced while reading (a huge or endless body is
/// cut off at the limit, never buffered), and only asymmetric signing keys kept.
/// </summary>
public sealed class KeySetFetcher(IHttpClientFactory httpClients, IHostEnvironment environment)
{
    /// <summary>The named HttpClient.</summary>
    public const string ClientName = "cdsbone-jwks";

    private const int MaxBytes = 256 * 1024;

    /// <summary>The keys at <paramref name="url"/>, or null when it may not or could not be fetched.</summary>
    public async Task<IReadOnlyList<JsonWebKey>?> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!IsFetchable(url, environment.IsDevelopment()))
        {
            return null;
        }

        try
        {
            using var client = httpClients.CreateClient(ClientName);
            using var response = await client.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxBytes)
            {
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var body = await ReadLimitedAsync(stream, cancellationToken);
            return body is null ? null : SigningKeys(body);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ArgumentException or System.Text.Json.JsonException
            or IOException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The body as text when it fits in <see cref="MaxBytes"/> (and is valid UTF-8), else null.</summary>
    private static async Task<string?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxBytes)
            {
                return null;
            }
        }

        return System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, length)) ? System.Text.Encoding.UTF8.GetString(buffer, 0, length) : null;
    }

    /// <summary>The asymmetric signing keys of a JWK Set document (HMAC "oct" keys are never trusted).</summary>
    public static IReadOnlyList<JsonWebKey> SigningKeys(string jwks)
    {
        var set = new JsonWebKeySet(jwks);
        return set.Keys.Where(k => k.Kty is JsonWebAlgorithmsKeyTypes.EllipticCurve or JsonWebAlgorithmsKeyTypes.RSA && !string.IsNullOrEmpty(k.Kid)
            && (string.IsNullOrEmpty(k.Use) || k.Use == JsonWebKeyUseNames.Sig)).ToList();
    }

    /// <summary>https, or http to a loopback address in Development; never user-info.</summary>
    public static bool IsFetchable(string url, bool development) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && development && FhirServerPolicy.IsLoopback(uri)));
}
