namespace CdsBone.Cli;

/// <summary>The entry point of <c>cdsbone</c> (not a top-level Program: the tests also see the service's Program).</summary>
internal static class CdsBoneTool
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
}
