using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Verification.Tests.Regression.CheckOptimizer;

/// <summary>
/// The C# code blocks of the user-facing documents compile: each block is preceded by
/// <c>&lt;!-- compiled in: PATH --&gt;</c>, PATH is a source file of a project in Verification.sln (so <c>dotnet build</c>
/// compiles it), and every paragraph of the block (lines between blank lines) is a run of consecutive lines of that
/// file, verbatim up to one common indentation (a member shown at column 0 sits inside its class). A block without the
/// marker fails, so a new excerpt cannot skip the check. To update a document after an intended change, paste the
/// lines from the file (the failure message names the paragraph that is missing).
/// </summary>
public partial class GuideCodeTests
{
    /// <summary>Documents whose every <c>```csharp</c> block must be compiled text.</summary>
    public static TheoryData<string> Documents => ["docs/guide-check-optimizer.md", "src/Optimizers.Torch/README.md"];

    private static string Read(string path) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, path)).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryCodeBlock_IsTextOfACompiledFile(string document)
    {
        var blocks = CodeBlockPattern().Matches(Read(document));
        string solution = Read("Verification.sln").Replace('\\', '/');

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block =>
        {
            string shown = block.Groups["code"].Value;
            Assert.True(block.Groups["path"].Success, $"{document}: this code block has no '<!-- compiled in: PATH -->' line above it:\n{shown}");
            string path = block.Groups["path"].Value;
            Assert.EndsWith(".cs", path, StringComparison.Ordinal);
            string project = Directory.GetFiles(Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, path))!, "*.csproj").Single();
            string projectPath = Path.GetRelativePath(RepositoryPaths.Root, project).Replace('\\', '/');
            Assert.True(solution.Contains($"\"{projectPath}\"", StringComparison.Ordinal), $"{path}'s project {projectPath} is not built by Verification.sln");

            string file = Read(path);
            foreach (string paragraph in Paragraphs(shown))
                Assert.True(ContainsLines(file, paragraph), $"{document} shows lines that are not in {path}:\n{paragraph}");
        });
    }

    /// <summary>The suite's packages that the documents tell a user to reference carry the repository's version.</summary>
    [Theory]
    [InlineData("docs/torchsharp-optimizers.md", "Verification.Optimizers.Torch")]
    [InlineData("docs/guide-check-optimizer.md", "Verification.Checks")]
    public void PackageReferences_HaveTheRepositorysVersion(string document, string package)
    {
        string version = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        var references = PackageReferencePattern().Matches(Read(document)).Where(r => r.Groups["id"].Value.StartsWith("Verification.", StringComparison.Ordinal)).ToList();

        Assert.Contains(references, r => r.Groups["id"].Value == package);
        Assert.All(references, r => Assert.True(r.Groups["version"].Value == version,
            $"{document} references {r.Groups["id"].Value} {r.Groups["version"].Value}; the repository's version is {version}"));
    }

    /// <summary>The matcher itself: a paragraph is found at the file's indentation, and one changed character is not.</summary>
    [Fact]
    public void ContainsLines_FindsIndentedRunsOnly()
    {
        const string File = "namespace N;\n\nclass C\n{\n    int A { get; } =\n        1;\n}\n";

        Assert.True(ContainsLines(File, "int A { get; } =\n    1;"));
        Assert.True(ContainsLines(File, "class C\n{"));
        Assert.False(ContainsLines(File, "int A { get; } =\n    2;"));
        Assert.False(ContainsLines(File, "int A { get; } =\n1;"));
        Assert.False(ContainsLines(File, "class C\n}"));
    }

    private static IEnumerable<string> Paragraphs(string code) =>
        code.TrimEnd('\n').Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('\n'));

    /// <summary>
    /// True when the paragraph's lines occur as consecutive lines of <paramref name="file"/>, each prefixed by the same
    /// whitespace (the indentation of the first line's occurrence).
    /// </summary>
    private static bool ContainsLines(string file, string paragraph)
    {
        string[] lines = file.Split('\n'), shown = paragraph.Split('\n');
        for (int i = 0; i + shown.Length <= lines.Length; i++)
        {
            if (!lines[i].EndsWith(shown[0], StringComparison.Ordinal))
                continue;
            string indent = lines[i][..^shown[0].Length];
            if (indent.Any(c => !char.IsWhiteSpace(c)))
                continue;
            if (shown.Select((line, j) => lines[i + j] == indent + line).All(same => same))
                return true;
        }
        return false;
    }

    [GeneratedRegex(@"<PackageReference Include=""(?<id>[^""]+)"" Version=""(?<version>[^""]+)"" />")]
    private static partial Regex PackageReferencePattern();

    [GeneratedRegex(@"(?:<!-- compiled in: (?<path>[^ ]+) -->\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlockPattern();
}
