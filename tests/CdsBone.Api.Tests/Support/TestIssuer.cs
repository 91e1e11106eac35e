using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Api.Tests.Support;

/// <summary>A trusted EHR for the tests: P-384 and RSA keys generated here, tokens signed ES384 or RS384.</summary>
internal sealed class TestIssuer : IDisposable
{
    public const string Name = "https://ehr.test";
    public const string PublicBase = "https://cdsbone.test";

    private readonly Dictionary<string, ECDsa> _ecKeys = [];
    private readonly Dictionary<string, RSA> _rsaKeys = [];

    public TestIssuer()
    {
        AddEcKey("ec-1");
        AddRsaKey("rsa-1");
    }

    public void AddEcKey(string kid) => _ecKeys[kid] = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public void AddRsaKey(string kid) => _rsaKeys[kid] = RSA.Create(3072);

    /// <summary>The public JWK Set of the given kids (all when none are named).</summary>
    public string Jwks(params string[] kids)
    {
        var keys = new JsonArray();
        foreach (var (kid, ec) in _ecKeys.Where(k => kids.Length == 0 || kids.Contains(k.Key)))
        {
            var p = ec.ExportParameters(false);
            keys.Add(new JsonObject { ["kty"] = "EC", ["kid"] = kid, ["use"] = "sig", ["alg"] = "ES384", ["crv"] = "P-384", ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y) });
        }

        foreach (var (kid, rsa) in _rsaKeys.Where(k => kids.Length == 0 || kids.Contains(k.Key)))
        {
            var p = rsa.ExportParameters(false);
            keys.Add(new JsonObject { ["kty"] = "RSA", ["kid"] = kid, ["use"] = "sig", ["alg"] = "RS384", ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent) });
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>A token for <paramref name="path"/> (aud = the public URL), valid at <paramref name="now"/>.</summary>
    public string Token(string path, DateTimeOffset now, string kid = "ec-1", Action<Dictionary<string, object>>? claims = null,
        Dictionary<string, object>? header = null, string issuer = Name, ECDsa? signWith = null)
    {
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = PublicBase + path,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        claims?.Invoke(payload);
        SigningCredentials credentials = _rsaKeys.TryGetValue(kid, out var rsa)
            ? new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha384)
            : new SigningCredentials(new ECDsaSecurityKey(signWith ?? _ecKeys[kid]) { KeyId = kid }, SecurityAlgorithms.EcdsaSha384);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = payload,
            SigningCredentials = credentials,
            TokenType = "JWT",
            AdditionalHeaderClaims = header,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A token with a hand-made header and signature (alg none, HS256 with the public key).</summary>
    public static string Unsigned(string headerJson, string payloadJson, byte[]? hmacKey = null)
    {
        var signingInput = $"{Base64UrlEncoder.Encode(headerJson)}.{Base64UrlEncoder.Encode(payloadJson)}";
        var signature = hmacKey is null ? string.Empty : Base64UrlEncoder.Encode(HMACSHA256.HashData(hmacKey, Encoding.ASCII.GetBytes(signingInput)));
        return $"{signingInput}.{signature}";
    }

    public void Dispose()
    {
        foreach (var key in _ecKeys.Values)
        {
            key.Dispose();
        }

        foreach (var key in _rsaKeys.Values)
        {
            key.Dispose();
        }
    }
}
