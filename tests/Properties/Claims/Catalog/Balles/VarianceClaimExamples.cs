using Verification.Claims.Catalog;
using Verification.Engine;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog.Balles;

/// <summary>
/// The thesis chapter 3–5 claims: every refutation is reached from the edge cases alone (so it does not depend on the
/// seed) with the scope the mathematics says, and the Monte Carlo statements take their error probability from the
/// engine's settings.
/// </summary>
public class VarianceClaimExamples
{
    private static Claim ById(string id) => ClaimCatalog.All.Single(c => c.Id == id);

    /// <summary>
    /// With a budget of 1 the random and climbing phases see one input; the edge cases come first, so each refutation
    /// must already be there. Open set: a box around the input violates too (ρ(β, 0) = 1 for every β, Adam's moments with
    /// β₁ ≠ β₂, the relative gap of Fig. 5.2 at η = 2). Degenerate: a zero or a boundary (m* = 0 at γ = 0 or η² = 0, an
    /// atom of p̂ at 0 or p = 0, μ = 0, β = 0 in Alg. 2, ∇R(θ_t) = 0 exactly).
    /// </summary>
    [Theory]
    [InlineData("balles/prop-4.2", Scope.Degenerate)]
    [InlineData("balles/eq-5.5/adam-moments", Scope.OpenSet)]
    [InlineData("balles/lemma-5.2", Scope.Degenerate)]
    [InlineData("balles/lemma-B.1", Scope.Degenerate)]
    [InlineData("balles/eq-5.10", Scope.Degenerate)]
    [InlineData("balles/fig-5.2/relative", Scope.OpenSet)]
    [InlineData("balles/sec-5.4.4", Scope.OpenSet)]
    [InlineData("balles/sec-5.4.4/division-by-zero", Scope.Degenerate)]
    [InlineData("balles/lemma-5.4/sign-zero-is-one", Scope.Degenerate)]
    public void Refutation_IsReachedFromTheEdges_WithItsScope(string id, Scope scope)
    {
        var claim = ById(id);
        var refuted = claim.Formalizations.Select(f => f.Run(Settings(claim, budget: 1))).First(r => r.Verdict == Verdict.Refuted);
        Assert.NotNull(refuted.Counterexample);
        Assert.Equal(scope, refuted.Counterexample!.Scope);
    }

    /// <summary>
    /// The Monte Carlo cross-check of Lemma B.1 (μ ≠ 0) holds at the catalog's per-test error probability (≈ 1e-10, a
    /// Hoeffding half-width ≈ 0.08 for 2048 draws) and is refuted at δ = 0.5 (half-width ≈ 0.018, below the sampling
    /// spread of some of 300 estimates): the statement reads δ from the run's settings, not a constant.
    /// </summary>
    [Fact]
    public void MonteCarlo_UsesTheErrorProbabilityOfTheRun()
    {
        var claim = ById("balles/lemma-B.1/nonzero-mean");
        var monteCarlo = claim.Formalizations.Single(f => f.Kind == StatementKind.Statistical);
        double catalogDelta = CatalogRun.StatisticalDelta(CatalogRun.StatisticalCount(ClaimCatalog.All), CatalogRun.DefaultBudget);
        Assert.Equal(Verdict.Holds, monteCarlo.Run(Settings(claim, 300) with { StatisticalDelta = catalogDelta }).Verdict);
        Assert.Equal(Verdict.Refuted, monteCarlo.Run(Settings(claim, 300) with { StatisticalDelta = 0.5 }).Verdict);
    }

    private static RunSettings Settings(Claim claim, int budget) =>
        new(budget, CatalogRun.DefaultSeed) { ClaimSeed = StableHash.Of(claim.Id) };
}
