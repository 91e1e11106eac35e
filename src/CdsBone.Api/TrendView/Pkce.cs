using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CdsBone.Api.TrendView;

/// <summary>
/// PKCE (RFC 7636) with S256, and the OAuth <c>state</c>: unguessable values from the system's CSPRNG, base64url.
/// </summary>
internal static class Pkce
{
    /// <summary>Random bytes per value: 32 bytes give a 43-character verifier (RFC 7636 §4.1: 43–128).</summary>
    private const int RandomBytes = 32;

    /// <summary>A fresh code verifier or state value.</summary>
    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The S256 challenge of <paramref name="verifier"/>: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string Challenge(string verifier) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Compares two secrets in constant time (a state check must not leak how much of it matched).</summary>
    public static bool SameSecret(string? expected, string? actual) =>
        expected is not null && actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
