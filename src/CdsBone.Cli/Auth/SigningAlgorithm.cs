namespace CdsBone.Cli.Auth;

/// <summary>The two algorithms CDS Hooks 2.0 recommends for client JWTs (CDS-HOOKS.md §1.H, item 38).</summary>
internal static class SigningAlgorithm
{
    public const string Es384 = "ES384";
    public const string Rs384 = "RS384";

    public static readonly string[] All = [Es384, Rs384];
}
