using Verification.Claims.Catalog;
using Verification.Claims.Reporting;
using Verification.Engine;
using Verification.Engine.Reporting;
using Xunit;

namespace Verification.Tests.Regression.Catalog;

/// <summary>
/// A claim's result depends only on its ID, the seed and the budget, never on the threads that ran the catalog: the
/// claims.json of a sequential run equals, byte for byte, that of the same claims taken from the shared parallel run.
/// </summary>
[Collection(CatalogRunCollection.Name)]
public class ParallelRunExamples(CatalogRunFixture fixture)
{
    /// <summary>Every 8th claim: all three documents and every kind of statement, sequentially in a few seconds.</summary>
    private static IReadOnlyList<Claim> Sample => ClaimCatalog.All.Where((_, i) => i % 8 == 0).ToList();

    [Fact]
    public void SequentialRun_WritesTheSameClaimsJsonAsTheParallelRun()
    {
        var ids = Sample.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var parallel = fixture.Report with { Results = fixture.Report.Results.Where(r => ids.Contains(r.Claim.Id)).ToList() };

        var sequential = ClaimCatalog.Check(Sample, parallel.Budget, parallel.Seed, parallelism: 1);

        Assert.Equal(ids.Count, parallel.Results.Count);
        Assert.Equal(JsonReport.Write(parallel), JsonReport.Write(sequential));
    }
}
