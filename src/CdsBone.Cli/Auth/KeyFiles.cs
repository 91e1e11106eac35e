using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Cli.Auth;

/// <summary>
/// A client signing key as two files: the private JWK (kept by the EHR, mode 600) and the public JWK Set (registered
/// with the CDS service as a trusted issuer, e.g. <c>CdsBone:Auth:Issuers:N:JwksPath</c>).
/// </summary>
internal static class KeyFiles
{
    public const string PrivateKeyFile = "private-key.jwk.json";
    public const string PublicKeySetFile = "jwks.json";

    /// <summary>RSA modulus size: above the 2048-bit floor, as RS384 deserves.</summary>
    private const int RsaBits = 3072;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A new key pair as (private JWK, public JWK Set) JSON objects.</summary>
    public static (JsonObject PrivateKey, JsonObject PublicKeySet) Create(string algorithm, string kid)
    {
        var (publicKey, privateParts) = algorithm switch
        {
            SigningAlgorithm.Es384 => EcKey(),
            SigningAlgorithm.Rs384 => RsaKey(),
            _ => throw new CliException($"unsupported algorithm '{algorithm}' (ES384 or RS384)", ExitCodes.Usage),
        };
        publicKey["kid"] = kid;
        publicKey["alg"] = algorithm;
        publicKey["use"] = "sig";

        var privateKey = (JsonObject)publicKey.DeepClone();
        foreach (var (name, value) in privateParts)
        {
            privateKey[name] = value;
        }

        return (privateKey, new JsonObject { ["keys"] = new JsonArray(publicKey) });
    }

    /// <summary>Writes both files into <paramref name="directory"/>; returns their paths.</summary>
    public static (string PrivateKeyPath, string PublicKeySetPath) Write(string directory, JsonObject privateKey, JsonObject publicKeySet)
    {
        // Absolute paths: the service that reads the key set runs from another directory.
        var fullDirectory = Directory.CreateDirectory(directory).FullName;
        var privatePath = Path.Combine(fullDirectory, PrivateKeyFile);
        var publicPath = Path.Combine(fullDirectory, PublicKeySetFile);
        if (File.Exists(privatePath))
        {
            throw new CliException($"{privatePath} exists: choose another --out directory rather than overwrite a key");
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(privatePath, options))
        {
            JsonSerializer.Serialize(stream, privateKey, Indented);
        }

        File.WriteAllText(publicPath, publicKeySet.ToJsonString(Indented));
        return (privatePath, publicPath);
    }

    /// <summary>Loads a private JWK written by <see cref="Write"/> (or any EC P-384 / RSA private JWK with kid and alg).</summary>
    public static JsonWebKey Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the key file {path}: {ex.Message}", ExitCodes.Usage);
        }

        JsonWebKey key;
        try
        {
            key = new JsonWebKey(text);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{path} is not a JWK: {ex.Message}", ExitCodes.Usage);
        }

        if (string.IsNullOrEmpty(key.D))
        {
            throw new CliException($"{path} holds no private key (is it the public JWK Set?)", ExitCodes.Usage);
        }

        if (!SigningAlgorithm.All.Contains(key.Alg, StringComparer.Ordinal))
        {
            throw new CliException($"{path}: 'alg' must be ES384 or RS384, not '{key.Alg}'", ExitCodes.Usage);
        }

        return key;
    }

    private static (JsonObject Public, Dictionary<string, string> Private) EcKey()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var p = ec.ExportParameters(includePrivateParameters: true);
        var publicKey = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-384",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        };
        return (publicKey, new Dictionary<string, string> { ["d"] = Base64UrlEncoder.Encode(p.D) });
    }

    private static (JsonObject Public, Dictionary<string, string> Private) RsaKey()
    {
        using var rsa = RSA.Create(RsaBits);
        var p = rsa.ExportParameters(includePrivateParameters: true);
        var publicKey = new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        return (publicKey, new Dictionary<string, string>
        {
            ["d"] = Base64UrlEncoder.Encode(p.D),
            ["p"] = Base64UrlEncoder.Encode(p.P),
            ["q"] = Base64UrlEncoder.Encode(p.Q),
            ["dp"] = Base64UrlEncoder.Encode(p.DP),
            ["dq"] = Base64UrlEncoder.Encode(p.DQ),
            ["qi"] = Base64UrlEncoder.Encode(p.InverseQ),
        });
    }
}
