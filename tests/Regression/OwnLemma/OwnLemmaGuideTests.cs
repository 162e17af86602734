using System.Text.RegularExpressions;
using System.Xml.Linq;
using OwnLemma.Tests;
using Verification.Engine.Xunit;
using Xunit;

namespace Verification.Tests.Regression.OwnLemma;

/// <summary>
/// docs/guide-own-lemma.md cannot drift from the example it explains: every code block marked
/// <c>&lt;!-- excerpt: PATH --&gt;</c> is that file, verbatim; the output between its output markers is the message of
/// <c>LemmaAssert.Holds(new DescentLemma(2))</c>, line for line (the lemma's source file is compiled into this assembly);
/// and the package versions it tells a user to reference are the repository's. To update the guide after an intended
/// change, paste the new file or message into it (the failure message shows the actual text).
/// </summary>
public partial class OwnLemmaGuideTests
{
    private const string Begin = "<!-- own-lemma-output:begin -->";
    private const string End = "<!-- own-lemma-output:end -->";

    private static string Guide => Normalize(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "guide-own-lemma.md")));

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void CodeExcerpts_AreTheExampleFilesVerbatim()
    {
        var excerpts = ExcerptPattern().Matches(Guide);

        Assert.True(excerpts.Count >= 2, "the guide lost its excerpt markers");
        Assert.All(excerpts, m =>
        {
            string path = m.Groups["path"].Value;
            string file = Normalize(File.ReadAllText(Path.Combine(RepositoryPaths.Root, path))).TrimEnd('\n');
            string shown = m.Groups["code"].Value.TrimEnd('\n');
            Assert.True(file == shown, $"the guide's excerpt of {path} differs from the file; the file is:\n{file}");
        });
    }

    [Fact]
    public void OutputExcerpt_IsTheRealFailureMessage()
    {
        string guide = Guide;
        int from = guide.IndexOf(Begin, StringComparison.Ordinal), to = guide.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "the guide lost its output markers");
        var shown = guide[(from + Begin.Length)..to].Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal)).ToList();

        var failure = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Holds(new DescentLemma(2)));

        var actual = Normalize(failure.Message).Split('\n').ToList();
        Assert.True(shown.SequenceEqual(actual), $"the guide's output excerpt differs from the real message:\n{failure.Message}");
    }

    [Fact]
    public void PackageVersions_AreTheRepositorysOwn()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        string version = props.Descendants("VersionPrefix").Single().Value;
        var central = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var references = PackageReferencePattern().Matches(Guide);

        Assert.Contains(references, r => r.Groups["id"].Value == "Verification.Engine.Xunit");
        Assert.All(references, r =>
        {
            string id = r.Groups["id"].Value, shown = r.Groups["version"].Value;
            string expected = id.StartsWith("Verification.", StringComparison.Ordinal) ? version : central[id];
            Assert.True(shown == expected, $"the guide references {id} {shown}; the repository has {expected}");
        });
    }

    [GeneratedRegex(@"<!-- excerpt: (?<path>[^ ]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExcerptPattern();

    [GeneratedRegex(@"<PackageReference Include=""(?<id>[^""]+)"" Version=""(?<version>[^""]+)"" />")]
    private static partial Regex PackageReferencePattern();
}
