namespace CdsBone.Cli.Auth;

/// <summary>
/// Gives each request to a CDS service its own token, with aud set to the exact URL called (CDS Hooks 2.0 §security):
/// reusing one token fails at the second call (wrong audience, replayed jti). Without a key, requests go unsigned.
/// </summary>
internal sealed class RequestSigner
{
    /// <summary>A signer that signs nothing (authentication off).</summary>
    public static readonly RequestSigner None = new(null, null, null);

    /// <summary>Default lifetime of the tokens the tool signs per call.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private readonly ClientTokenFactory? factory;
    private readonly string? issuer;
    private readonly string? tenant;

    public RequestSigner(ClientTokenFactory? factory, string? issuer, string? tenant)
    {
        this.factory = factory;
        this.issuer = issuer;
        this.tenant = tenant;
    }

    /// <summary>True when requests carry a token.</summary>
    public bool Signs => factory is not null;

    /// <summary>A fresh bearer token for a call to <paramref name="url"/>, or null when not signing.</summary>
    public string? TokenFor(Uri url) =>
        factory?.Create(new ClientTokenRequest(issuer!, url.GetLeftPart(UriPartial.Path), DefaultLifetime, tenant));

    /// <summary>From the --key, --iss, --kid and --tenant options: both key and iss, or neither.</summary>
    public static RequestSigner From(string? keyPath, string? issuer, string? kid, string? tenant, TimeProvider clock)
    {
        if (keyPath is null && issuer is null)
        {
            return None;
        }

        if (keyPath is null || issuer is null)
        {
            throw new CliException("--key and --iss go together (the private key and the iss the service trusts)", ExitCodes.Usage);
        }

        var key = KeyFiles.Load(keyPath);
        if (kid is not null)
        {
            key.KeyId = kid;
        }

        return new RequestSigner(new ClientTokenFactory(key, clock), issuer, tenant);
    }
}
