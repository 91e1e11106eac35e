using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsBone.Cli.Auth;

/// <summary>What a CDS Hooks client JWT says (CDS-HOOKS.md §1.H, item 39).</summary>
/// <param name="Issuer">iss: the EHR, as the service trusts it.</param>
/// <param name="Audience">aud: the exact URL of the endpoint being called.</param>
/// <param name="Lifetime">exp - iat.</param>
/// <param name="Tenant">tenant, when the service is multi-tenant.</param>
internal sealed record ClientTokenRequest(string Issuer, string Audience, TimeSpan Lifetime, string? Tenant = null);

/// <summary>Signs CDS Hooks client JWTs with <paramref name="key"/> (its kid goes in the header): header alg, kid, typ JWT; payload iss, aud, iat, exp, a fresh jti, tenant.</summary>
internal sealed class ClientTokenFactory(JsonWebKey key, TimeProvider clock)
{
    /// <summary>CDS Hooks tokens are short-lived; an hour is already generous for a test tool.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A new token; every call has its own jti, so a token is never replayed.</summary>
    public string Create(ClientTokenRequest request)
    {
        if (request.Lifetime <= TimeSpan.Zero || request.Lifetime > MaxLifetime)
        {
            throw new CliException($"the token lifetime must be between 1 s and {MaxLifetime.TotalMinutes:0} min", ExitCodes.Usage);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString() };
        if (request.Tenant is not null)
        {
            claims["tenant"] = request.Tenant;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = request.Issuer,
            Audience = request.Audience,
            IssuedAt = now,
            Expires = now + request.Lifetime,
            Claims = claims,
            TokenType = "JWT",
            SigningCredentials = new SigningCredentials(key, key.Alg),
        });
    }
}
