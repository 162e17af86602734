namespace Verification.Tests.Regression;

/// <summary>Paths inside the repository the tests run from (found by walking up to Verification.sln).</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest directory above the test binaries that holds Verification.sln.</summary>
    internal static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no Verification.sln above {AppContext.BaseDirectory}: the tests must run inside the repository.");
    }
}

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    internal TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "verification-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    internal string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
