namespace CdsBone.Cli;

/// <summary>A failure the user can act on: printed as one line, and the process exits with <see cref="ExitCode"/>.</summary>
/// <param name="message">The one-line reason.</param>
/// <param name="exitCode">1 for a failed operation, 2 for bad usage.</param>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
