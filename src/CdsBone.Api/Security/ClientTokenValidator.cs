using System.Security.Claims;
using CdsBone.Api.Security.Replay;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Api.Security;

/// <summary>The outcome of checking a client token.</summary>
/// <param name="Identity">The client, when the token is good.</param>
/// <param name="Failure">Why not, otherwise.</param>
/// <param name="Issuer">iss as sent (for logs; untrusted when the token failed).</param>
/// <param name="Kid">kid as sent.</param>
/// <param name="Jti">jti as sent.</param>
public sealed record TokenCheck(ClaimsIdentity? Identity, AuthFailure? Failure, string? Issuer, string? Kid, string? Jti);

/// <summary>
/// Checks a CDS Hooks client JWT (CDS-HOOKS.md §1.H, items 38–41) with Microsoft.IdentityModel: alg on the allow-list
/// (never none, never HMAC), kid and typ JWT (any case) in the header, no crit parameter (none is understood); iss trusted; signature by a key of that issuer; aud equal to
/// the public URL of the endpoint called (string or array, compared exactly: a trailing slash is a different URL); exp
/// and iat within the clock skew, on the injected clock, and exp at most MaxTokenLifetime after iat; jti present and
/// accepted once (atomically, <see cref="JtiReplayCache"/>); tenant allow-listed when configured. sub is not required.
/// </summary>
public sealed class ClientTokenValidator(TrustedKeySets keys, JtiReplayCache replays, IOptionsMonitor<ClientAuthOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>The trusted issuer a token names (unverified: for rate-limit buckets only), else null.</summary>
    public string? TrustedIssuerNamedBy(string token)
    {
        try
        {
            var iss = Claim(new JsonWebToken(token), "iss");
            return options.CurrentValue.Issuers.FirstOrDefault(i => string.Equals(i.Issuer, iss, StringComparison.Ordinal))?.Issuer;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Checks <paramref name="token"/> for a call to <paramref name="audience"/>.</summary>
    public async Task<TokenCheck> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return Fail(AuthFailure.Malformed, null);
        }

        // RFC 7515 §4.1.11: a crit parameter names extensions the recipient must understand; this service knows none.
        if (jwt.TryGetHeaderValue<object>("crit", out _))
        {
            return Fail(AuthFailure.UnsupportedCritical, jwt);
        }

        if (jwt.IsEncrypted || !settings.AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return Fail(AuthFailure.AlgorithmNotAllowed, jwt);
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return Fail(AuthFailure.MissingKid, jwt);
        }

        if (!string.Equals(jwt.Typ, "JWT", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(AuthFailure.WrongType, jwt);
        }

        var issuer = settings.Issuers.FirstOrDefault(i => string.Equals(i.Issuer, Claim(jwt, "iss"), StringComparison.Ordinal));
        if (issuer is null)
        {
            return Fail(AuthFailure.UntrustedIssuer, jwt);
        }

        jwt.TryGetHeaderValue<string>("jku", out var jku);
        var (signingKeys, keyFailure) = await keys.KeysForAsync(issuer, jwt.Kid, jku, cancellationToken);
        if (keyFailure is { } failure)
        {
            return Fail(failure, jwt);
        }

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = settings.AllowedAlgorithms,
            // typ is checked above, case-insensitively (RFC 7515 §4.1.9: "jwt" is "JWT").
            TypeValidator = static (type, _, _) => type,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            // Lifetime is checked below on the injected clock, so tests and replicas agree on "now".
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!result.IsValid)
        {
            return Fail(Map(result.Exception), jwt);
        }

        var (timeFailure, remaining) = CheckTimes(jwt, settings);
        if (timeFailure is not null)
        {
            return Fail(timeFailure.Value, jwt);
        }

        var jti = Claim(jwt, "jti");
        if (string.IsNullOrEmpty(jti))
        {
            return Fail(AuthFailure.MissingJti, jwt);
        }

        var tenant = Claim(jwt, "tenant");
        if (issuer.Tenants.Count > 0 && (tenant is null || !issuer.Tenants.Contains(tenant, StringComparer.Ordinal)))
        {
            return Fail(AuthFailure.TenantNotAllowed, jwt);
        }

        // The last check, so that a token refused for another reason never uses up its jti.
        var verdict = await replays.TryAcceptAsync(issuer.Issuer, jti, remaining, cancellationToken);
        if (verdict != ReplayVerdict.First)
        {
            return Fail(verdict switch
            {
                ReplayVerdict.Replayed => AuthFailure.Replayed,
                ReplayVerdict.Full => AuthFailure.ReplayStoreFull,
                _ => AuthFailure.ReplayStoreUnavailable,
            }, jwt);
        }

        var identity = new ClaimsIdentity(ClientAuthenticationHandler.SchemeName);
        identity.AddClaim(new Claim("iss", issuer.Issuer));

        // A tenant is part of the client's identity (and its rate-limit key) only when the issuer lists its tenants:
        // otherwise the caller would choose its own rate-limit bucket.
        if (tenant is not null && issuer.Tenants.Count > 0)
        {
            identity.AddClaim(new Claim("tenant", tenant));
        }

        return new TokenCheck(identity, null, issuer.Issuer, jwt.Kid, jti);
    }

    /// <summary>
    /// exp, iat and nbf compared in whole seconds as integers: no DateTime arithmetic, so an exp in year 9999 (or any
    /// number) cannot overflow. Returns how long the jti must be remembered (until exp plus the skew).
    /// </summary>
    private (AuthFailure? Failure, TimeSpan Remaining) CheckTimes(JsonWebToken jwt, ClientAuthOptions settings)
    {
        if (Seconds(jwt, "exp") is not { } exp || Seconds(jwt, "iat") is not { } iat)
        {
            return (AuthFailure.BadTimes, default);
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)settings.ClockSkew.TotalSeconds;
        if (exp < now - skew)
        {
            return (AuthFailure.Expired, default);
        }

        var notYetValid = Seconds(jwt, "nbf") is { } nbf && nbf > now + skew;
        if (iat > now + skew || notYetValid || exp < iat)
        {
            return (AuthFailure.BadTimes, default);
        }

        if (exp - iat > (long)settings.MaxTokenLifetime.TotalSeconds)
        {
            return (AuthFailure.LifetimeTooLong, default);
        }

        // Bounded by the lifetime cap and the skew, since iat is at most now + skew.
        return (null, TimeSpan.FromSeconds(exp + skew - now));
    }

    private static long? Seconds(JsonWebToken jwt, string claim)
    {
        try
        {
            return jwt.TryGetPayloadValue<long>(claim, out var value) ? value : null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException or ArgumentException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static AuthFailure Map(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => AuthFailure.WrongAudience,
        SecurityTokenInvalidIssuerException => AuthFailure.UntrustedIssuer,
        SecurityTokenInvalidAlgorithmException => AuthFailure.AlgorithmNotAllowed,
        SecurityTokenInvalidTypeException => AuthFailure.WrongType,
        SecurityTokenSignatureKeyNotFoundException => AuthFailure.UnknownKey,
        SecurityTokenInvalidSignatureException => AuthFailure.BadSignature,
        _ => AuthFailure.Malformed,
    };

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) ? value : null;

    private static TokenCheck Fail(AuthFailure failure, JsonWebToken? jwt) =>
        new(null, failure, jwt is null ? null : Claim(jwt, "iss"), jwt?.Kid, jwt is null ? null : Claim(jwt, "jti"));
}
