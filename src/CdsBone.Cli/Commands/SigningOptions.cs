using System.CommandLine;
using CdsBone.Cli.Auth;

namespace CdsBone.Cli.Commands;

/// <summary>--key, --iss, --kid, --tenant: sign every request with a fresh client JWT.</summary>
internal sealed class SigningOptions
{
    public Option<string?> Key { get; } = new("--key") { Description = "Private JWK file (from `cdsbone keys new`): sign each request with a fresh client JWT" };

    public Option<string?> Issuer { get; } = new("--iss") { Description = "The iss the service trusts (with --key)" };

    public Option<string?> Kid { get; } = new("--kid") { Description = "kid to put in the token header (default: the key's)" };

    public Option<string?> Tenant { get; } = new("--tenant") { Description = "tenant claim, for multi-tenant services" };

    public void AddTo(Command command)
    {
        command.Add(Key);
        command.Add(Issuer);
        command.Add(Kid);
        command.Add(Tenant);
    }

    public RequestSigner Signer(ParseResult parse, TimeProvider clock) =>
        RequestSigner.From(parse.GetValue(Key), parse.GetValue(Issuer), parse.GetValue(Kid), parse.GetValue(Tenant), clock);
}
