using System.Text.RegularExpressions;
using Verification.Claims.Catalog;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog;

/// <summary>The registry is well formed: IDs follow claims.md's scheme, are unique, and every claim is formalized.</summary>
public partial class CatalogProperties
{
    // Variants may carry capitals where claims.md spells them so (e.g. elmo/lemma-3.1/spectral-LH).
    [GeneratedRegex(@"^(elmo|lodo|balles)/(lemma|thm|prop|cor|eq|alg|fig|app|sec|fn)-[A-Za-z0-9.\-]+(/[A-Za-z0-9][A-Za-z0-9\-]*)?$")]
    private static partial Regex IdScheme();

    public static TheoryData<string> Ids() => [.. ClaimCatalog.All.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Claim_IsWellFormed(string id)
    {
        var claim = ClaimCatalog.All.Single(c => c.Id == id);
        Assert.Matches(IdScheme(), id);
        Assert.Equal(claim.Source.Document, id.Split('/')[0]);
        Assert.NotEmpty(claim.Statement);
        Assert.NotEmpty(claim.Interpretation);
        Assert.NotEmpty(claim.Formalizations);
        Assert.All(claim.Formalizations, f =>
        {
            Assert.NotEmpty(f.Description);
            Assert.NotEmpty(f.Tolerance);
        });
        Assert.Equal(claim.Formalizations.Count, claim.Formalizations.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void Ids_AreUnique() => Assert.Equal(ClaimCatalog.All.Count, ClaimCatalog.All.Select(c => c.Id).Distinct().Count());

    [Fact]
    public void Filter_MatchesGlobs()
    {
        Assert.All(ClaimCatalog.Filter("elmo/*"), c => Assert.StartsWith("elmo/", c.Id, StringComparison.Ordinal));
        Assert.Single(ClaimCatalog.Filter("elmo/eq-14"));
        Assert.Empty(ClaimCatalog.Filter("nothing/*"));
        Assert.Equal(ClaimCatalog.All.Count, ClaimCatalog.Filter(null).Count);
    }
}
