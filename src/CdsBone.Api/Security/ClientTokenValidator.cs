using System.Security.Claims;
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
/// (never none, never HMAC), kid and typ JWT in the header; iss trusted; signature by a key of that issuer; aud equal to
/// the public URL of the endpoint called (string or array); exp and iat within the clock skew, on the injected clock;
/// jti present and not replayed; tenant allow-listed when configured. sub is not required.
/// </summary>
public sealed class ClientTokenValidator(TrustedKeySets keys, JtiReplayCache replays, IOptionsMonitor<ClientAuthOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>Checks <paramref name="token"/> for a call to <paramref name="audience"/>.</summary>
    public async Task<TokenCheck> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return Fail(AuthFailure.Malformed, null);
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
            ValidTypes = ["JWT"],
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

        var timeFailure = CheckTimes(jwt, settings.ClockSkew);
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

        if (await replays.WasSeenAsync(issuer.Issuer, jti, cancellationToken))
        {
            return Fail(AuthFailure.Replayed, jwt);
        }

        await replays.RememberAsync(issuer.Issuer, jti, jwt.ValidTo + settings.ClockSkew - clock.GetUtcNow().UtcDateTime, cancellationToken);
        var identity = new ClaimsIdentity(ClientAuthenticationHandler.SchemeName);
        identity.AddClaim(new Claim("iss", issuer.Issuer));
        if (tenant is not null)
        {
            identity.AddClaim(new Claim("tenant", tenant));
        }

        return new TokenCheck(identity, null, issuer.Issuer, jwt.Kid, jti);
    }

    private AuthFailure? CheckTimes(JsonWebToken jwt, TimeSpan skew)
    {
        if (!jwt.TryGetPayloadValue<long>("exp", out _) || !jwt.TryGetPayloadValue<long>("iat", out _))
        {
            return AuthFailure.BadTimes;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo < now - skew)
        {
            return AuthFailure.Expired;
        }

        var notYetValid = jwt.TryGetPayloadValue<long>("nbf", out _) && jwt.ValidFrom > now + skew;
        return jwt.IssuedAt > now + skew || notYetValid ? AuthFailure.BadTimes : null;
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
