using System.CommandLine;
using System.Text.Json.Nodes;
using CdsBone.Cli.Auth;

namespace CdsBone.Cli.Commands;

/// <summary><c>cdsbone keys new --out DIR [--alg ES384|RS384] [--kid ID]</c>.</summary>
internal static class KeysCommand
{
    public static Command Build(CliServices services)
    {
        var outDir = new Option<string>("--out") { Description = "Directory to write the private key and the public JWK Set into", Required = true };
        var alg = new Option<string>("--alg") { Description = "Signing algorithm", DefaultValueFactory = _ => SigningAlgorithm.Es384 };
        alg.AcceptOnlyFromAmong(SigningAlgorithm.All);
        var kid = new Option<string?>("--kid") { Description = "Key id (default: a random one)" };
        var json = new Option<bool>("--json") { Description = "Print the paths and the public JWK Set as JSON" };

        var create = new Command("new", $"Create a client signing key: {KeyFiles.PrivateKeyFile} (keep it) and {KeyFiles.PublicKeySetFile} (register it with the service as a trusted issuer's key set)")
        {
            outDir, alg, kid, json,
        };
        create.SetAction(parse =>
        {
            var id = parse.GetValue(kid) ?? "cdsbone-" + Guid.NewGuid().ToString("N")[..8];
            var (privateKey, publicKeySet) = KeyFiles.Create(parse.GetValue(alg)!, id);
            var (privatePath, publicPath) = KeyFiles.Write(parse.GetValue(outDir)!, privateKey, publicKeySet);
            if (parse.GetValue(json))
            {
                services.Output.WriteLine(new JsonObject { ["privateKey"] = privatePath, ["jwks"] = publicPath, ["kid"] = id, ["publicKeySet"] = publicKeySet }.ToJsonString());
            }
            else
            {
                services.Output.WriteLine($"private key: {privatePath} (kid {id}; keep it secret)");
                services.Output.WriteLine($"public JWK Set: {publicPath} (e.g. CdsBone__Auth__Issuers__0__JwksPath={publicPath})");
            }

            return ExitCodes.Success;
        });

        return new Command("keys", "Client signing keys for CDS Hooks JWTs") { create };
    }
}
