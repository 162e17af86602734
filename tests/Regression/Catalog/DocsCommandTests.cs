using Verification.Claims.Catalog;
using Verification.Engine.Reporting;
using Verification.Claims.Reporting;
using Verification.Cli;
using Verification.Tests.Regression.Cli;
using Xunit;

namespace Verification.Tests.Regression.Catalog;

/// <summary>
/// The regenerate command writes exactly what the staleness test expects: same seed, same budget, same text.
/// (Without this, <c>docs</c> could drift from <see cref="ClaimsDocumentTests"/> and a regenerated file stay "stale".)
/// </summary>
[Collection(CatalogRunCollection.Name)]
public class DocsCommandTests(CatalogRunFixture run)
{
    [Fact]
    public void Docs_WritesTheDocumentTheStalenessTestExpects()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "nested", "claims.md");

        var cli = CliRun.Of("docs", "--out", path);

        Assert.True(cli.ExitCode == ExitCodes.Completed, cli.ToString());
        Assert.Equal(CatalogDocument.Write(ClaimCatalog.All, run.Report), File.ReadAllText(path));
    }
}
