using Verification.Claims.Catalog;
using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Plots;

/// <summary>Every figure belongs to claims of the catalog, and a run draws only the figures of the claims it checked.</summary>
public class FigureClaimsExamples
{
    public static TheoryData<string> FileNames() => [.. PlotRegistry.All.Select(p => p.FileName)];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void EveryGlobOfAFigure_MatchesAClaimOfTheCatalog(string fileName)
    {
        var plot = PlotRegistry.All.Single(p => p.FileName == fileName);

        Assert.NotEmpty(plot.Claims);
        foreach (var glob in plot.Claims)
            Assert.True(ClaimCatalog.All.Any(c => ClaimCatalog.Matches(glob, c.Id)), $"{fileName}: '{glob}' matches no claim");
    }

    [Fact]
    public void ClaimGlobs_MatchWholeIdsOnly()
    {
        Assert.True(ClaimCatalog.Matches("elmo/eq-13*", "elmo/eq-13/limit-only"));
        Assert.False(ClaimCatalog.Matches("elmo/eq-1", "elmo/eq-13"));
        Assert.False(ClaimCatalog.Matches("lodo/*", "elmo/lodo/x"));
        Assert.Throws<ArgumentException>(() => ClaimCatalog.Matches(" ", "elmo/eq-13"));
    }
}
