namespace CdsBone.Fhir.Tests.Support;

/// <summary>Where test data lives: the shared fixtures beside the checkout (CI lays ../shared there), and our own.</summary>
internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string VisibleFixtures => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "visible"));

    public static string OwnPatients => Path.Combine(AppContext.BaseDirectory, "TestData", "patients");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CdsBone.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CdsBone.sln not found above the test binaries");
    }
}
