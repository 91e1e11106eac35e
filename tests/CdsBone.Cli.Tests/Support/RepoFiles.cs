namespace CdsBone.Cli.Tests.Support;

/// <summary>Files of the repository the tests read (the discovery document, the sample patients).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CdsBone.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CdsBone.sln not found above the test binaries");
    }
}
