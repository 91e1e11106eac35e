using System.CommandLine;
using CdsBone.Cli.Auth;

namespace CdsBone.Cli.Commands;

/// <summary><c>cdsbone token --key FILE --iss URL --aud URL [--kid] [--tenant] [--lifetime 5m]</c>.</summary>
internal static class TokenCommand
{
    public static Command Build(CliServices services)
    {
        var key = new Option<string>("--key") { Description = "Private JWK file (from `cdsbone keys new`)", Required = true };
        var iss = new Option<string>("--iss") { Description = "iss: the EHR, as the service trusts it", Required = true };
        var aud = new Option<string>("--aud") { Description = "aud: the exact URL to be called, e.g. http://localhost:8080/cds-services/anastrozole-order-sign", Required = true };
        var kid = new Option<string?>("--kid") { Description = "kid in the header (default: the key's)" };
        var tenant = new Option<string?>("--tenant") { Description = "tenant claim" };
        var lifetime = new Option<TimeSpan>("--lifetime")
        {
            Description = "exp - iat (e.g. 90s, 5m, 1h)",
            CustomParser = Durations.Option,
            DefaultValueFactory = _ => RequestSigner.DefaultLifetime,
        };

        var command = new Command("token", "Print a signed CDS Hooks client JWT (fresh jti, iat, exp) for one call: aud must be the URL called")
        {
            key, iss, aud, kid, tenant, lifetime,
        };
        command.SetAction(parse =>
        {
            var audience = parse.GetValue(aud)!;
            if (!Uri.TryCreate(audience, UriKind.Absolute, out _))
            {
                throw new CliException($"--aud '{audience}' is not an absolute URL", ExitCodes.Usage);
            }

            var jwk = KeyFiles.Load(parse.GetValue(key)!);
            if (parse.GetValue(kid) is { } id)
            {
                jwk.KeyId = id;
            }

            var token = new ClientTokenFactory(jwk, services.Clock)
                .Create(new ClientTokenRequest(parse.GetValue(iss)!, audience, parse.GetValue(lifetime), parse.GetValue(tenant)));
            services.Output.WriteLine(token);
            return ExitCodes.Success;
        });
        return command;
    }
}
