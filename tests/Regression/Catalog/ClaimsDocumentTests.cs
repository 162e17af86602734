using Verification.Claims.Catalog;
using Verification.Engine.Reporting;
using Verification.Claims.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Catalog;

/// <summary>docs/claims.md is generated; this fails when the committed file no longer matches the registry's run.</summary>
[Collection(CatalogRunCollection.Name)]
public class ClaimsDocumentTests(CatalogRunFixture run)
{
    [Fact]
    public void ClaimsDocument_MatchesTheRegistry()
    {
        string path = Path.Combine(RepositoryPaths.Root, CatalogDocument.RelativePath);
        string expected = CatalogDocument.Write(ClaimCatalog.All, run.Report);
        Assert.True(File.Exists(path), $"{CatalogDocument.RelativePath} is missing: generate it with `{CatalogDocument.RegenerateCommand}` and commit it.");

        // Git may check text out with CRLF on Windows; the generator writes LF.
        string committed = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (committed == expected)
            return;
        Assert.Fail($"{CatalogDocument.RelativePath} is stale: regenerate it with `{CatalogDocument.RegenerateCommand}` and commit it. {FirstDifference(committed, expected)}");
    }

    private static string FirstDifference(string committed, string expected)
    {
        var a = committed.Split('\n');
        var b = expected.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "(end of file)";
            string right = i < b.Length ? b[i] : "(end of file)";
            if (left != right)
                return $"First difference at line {i + 1}:\n  committed: {left}\n  generated: {right}";
        }
        return "(no differing line found)";
    }
}
