using Xunit;

namespace Verification.Tests.Regression.Layout;

/// <summary>
/// Tests mirror the source tree (issue "One house", item 4): a file tests/Properties/&lt;Project&gt;/&lt;Folder&gt;/X.cs
/// tests types of src/&lt;Project&gt;/&lt;Folder&gt;/, so every test file's folder must exist under src/. Files directly in
/// tests/Properties are the suite's shared plumbing (the replay seed, the shared tolerances) and belong to no project.
/// </summary>
public class TestTreeRuleTests
{
    private const string PropertiesRoot = "tests/Properties";

    /// <summary>
    /// Folders that do not mirror yet, with the reason. The repository test demands that exactly these fail the rule, so
    /// an entry must be removed when its folder is moved (the list cannot go stale) and nothing new can join silently.
    /// Empty since the Engine tests moved to Engine/{Domains, Lemmas, Proof, Search, Statements}.
    /// </summary>
    private static readonly Dictionary<string, string> Pending = new(StringComparer.Ordinal);

    /// <summary>
    /// The test files (paths relative to tests/Properties, '/'-separated) whose folder has no twin under src/;
    /// <paramref name="sourceFolderExists"/> answers for a folder relative to src/.
    /// </summary>
    private static List<string> Violations(IEnumerable<string> testFiles, Func<string, bool> sourceFolderExists) =>
    [
        .. testFiles
            .Where(f => f.Contains('/', StringComparison.Ordinal) && !sourceFolderExists(f[..f.LastIndexOf('/')]))
            .Order(StringComparer.Ordinal),
    ];

    private static bool SourceFolderExists(string folder) =>
        Directory.Exists(Path.Combine(RepositoryPaths.Root, "src", folder));

    private static IEnumerable<string> RepositoryTestFiles()
    {
        string root = Path.Combine(RepositoryPaths.Root, PropertiesRoot);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj"));
    }

    [Fact]
    public void EveryTestFolder_MirrorsASourceFolder()
    {
        var violations = Violations(RepositoryTestFiles(), SourceFolderExists);
        var folders = violations.Select(f => f[..f.LastIndexOf('/')]).Distinct(StringComparer.Ordinal).ToList();
        var unexpected = violations.Where(f => !Pending.ContainsKey(f[..f.LastIndexOf('/')])).ToList();
        Assert.True(unexpected.Count == 0,
            $"{PropertiesRoot} must mirror src/ (<Project>/<Folder>/<Type>{{Properties,Examples}}.cs); no src/<folder> for: "
            + string.Join(", ", unexpected));
        var mirroredNow = Pending.Keys.Where(k => !folders.Contains(k)).ToList();
        Assert.True(mirroredNow.Count == 0, "remove from Pending (they mirror now or are gone): " + string.Join(", ", mirroredNow));
    }

    [Theory]
    [InlineData("Balles/Fisher/CurvatureExamples.cs")] // where the curvature tests lived before they mirrored src/Math/Curvature
    [InlineData("Lodo/HessianFlowFormulaProperties.cs")] // the paper's name, not a project
    [InlineData("Math/Fisher/CurvatureExamples.cs")] // a project, but no such folder in it
    [InlineData("Optimizers/Reference/StatelessOptimizerRangeProperties.cs")] // an implementation kind, not a src folder
    public void Rule_RejectsAFileOutsideTheMirror(string file) =>
        Assert.Equal([file], Violations([file], SourceFolderExists));

    [Theory]
    [InlineData("Math/Curvature/CurvatureExamples.cs")]
    [InlineData("Math/Curvature/AutoDiff/DerivativeProperties.cs")]
    [InlineData("Math.Torch/Lodo/TorchLodoExamples.cs")]
    [InlineData("Optimizers/SecondOrder/ArcProperties.cs")]
    [InlineData("Claims/Catalog/Elmo/TaylorStatementExamples.cs")]
    [InlineData("Optimizers/OptimizerArbitraries.cs")] // a project's root
    [InlineData("FixedReplaySeed.cs")] // the suite's shared plumbing
    public void Rule_AcceptsAMirroredFile(string file) => Assert.Empty(Violations([file], SourceFolderExists));
}
