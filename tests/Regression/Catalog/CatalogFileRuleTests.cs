using Verification.Claims.Catalog;
using Xunit;

namespace Verification.Tests.Regression.Catalog;

/// <summary>
/// A newcomer finds any claim's file from its ID without searching (issue "One house", item 3): the file
/// <see cref="CatalogFiles.PathOf"/> names exists and defines the ID.
/// </summary>
public class CatalogFileRuleTests
{
    public static TheoryData<string> Ids() => [.. ClaimCatalog.All.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void ClaimFile_ExistsAndDefinesTheId(string id)
    {
        var claim = ClaimCatalog.All.Single(c => c.Id == id);
        Assert.Equal(CatalogFiles.PathOf(id), claim.SourceFile);
        string path = Path.Combine(RepositoryPaths.Root, claim.SourceFile!);
        Assert.True(File.Exists(path), $"{id}: {claim.SourceFile} does not exist");
        Assert.Contains($"\"{id}\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("elmo/lemma-3.1-proof-1", "src/Claims/Catalog/Elmo/Lemma31Proof1.cs")]
    [InlineData("lodo/app-F.1-newton", "src/Claims/Catalog/Lodo/AppF1Newton.cs")]
    [InlineData("balles/prop-7.2/unsquared", "src/Claims/Catalog/Balles/Prop72.cs")]
    [InlineData("lodo/eq-5-6/from-t0", "src/Claims/Catalog/Lodo/Eq56.cs")]
    [InlineData("elmo/cor-M.1.1", "src/Claims/Catalog/Elmo/CorM11.cs")]
    public void PathOf_FollowsTheRule(string id, string path) => Assert.Equal(path, CatalogFiles.PathOf(id));

    [Theory]
    [InlineData("elmo")]
    [InlineData("elmo/theorem-1")]
    [InlineData("elmo/-1")]
    public void PathOf_RejectsIdsOutsideTheScheme(string id) => Assert.Throws<ArgumentException>("id", () => CatalogFiles.PathOf(id));
}
