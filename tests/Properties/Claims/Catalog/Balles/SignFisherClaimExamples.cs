using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog.Balles;

/// <summary>
/// Verdicts of the chapter-6 and chapter-7 claims that were wrong before their statements were written once (issue 11), and
/// the input domains that hid dimension mismatches.
/// </summary>
public class SignFisherClaimExamples
{
    private static Claim Find(IEnumerable<Claim> claims, string id) => claims.Single(c => c.Id == id);

    /// <summary>
    /// balles/eq-6.21 was refuted (seed 42, certified margin 6.7e-17) because the exact side compared the exact eigenpairs of a
    /// block matrix with ‖·‖∞,1 of its rounded double copy. Written once on one matrix, it holds at every seed: the definition
    /// of the operator norm makes it true.
    /// </summary>
    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    public void Eq621_HoldsAtTheSeedThatRefutedIt(ulong seed)
    {
        var claim = Find(BallesSignClaims.All, "balles/eq-6.21");
        foreach (var f in claim.Formalizations)
        {
            var result = f.Run(new RunSettings(300, seed) { ClaimSeed = StableHash.Of(claim.Id) });
            Assert.True(result.Verdict == Verdict.Holds, $"{f.Name}: {result.Verdict} ({string.Join("; ", result.Notes)})");
        }
    }

    /// <summary>
    /// balles/eq-6.22 and balles/eq-7.9 changed verdict with the seed before issue 11: eq-6.22's exact side compared exact
    /// eigenvalues of the block values with ‖·‖∞,1 of the rounded double matrix (as eq-6.21 did), and eq-7.9's exact side could
    /// certify only some inputs under a 1e-10 tolerance. Written once, both sides are the same matrix in both arithmetics and
    /// every double violation is decided exactly, so each formalization holds at every seed (here two seeds, budget 300).
    /// </summary>
    [Theory]
    [InlineData("balles/eq-6.22", 1UL)]
    [InlineData("balles/eq-6.22", 42UL)]
    [InlineData("balles/eq-7.9", 1UL)]
    [InlineData("balles/eq-7.9", 42UL)]
    public void FormerlySeedDependentClaims_HoldAtEverySeed(string id, ulong seed)
    {
        var claim = Find(BallesSignClaims.All.Concat(BallesFisherClaims.All), id);
        foreach (var f in claim.Formalizations)
        {
            var result = f.Run(new RunSettings(300, seed) { ClaimSeed = StableHash.Of(claim.Id) });
            Assert.True(result.Verdict == Verdict.Holds, $"{f.Name}: {result.Verdict} ({string.Join("; ", result.Notes)})");
        }
    }

    /// <summary>
    /// A rank-one block 0.3·uuᵀ with u = (1, −3): its double copy rounds 0.3·(−3) to −0.8999999999999999, the exact matrix does
    /// not. Every eigenpair of the exact matrix satisfies (6.21) exactly.
    /// </summary>
    [Fact]
    public void Eq621_RoundedRankOneBlock_HoldsExactly()
    {
        var statement = (Statement<BlockDiagonal>)Find(BallesSignClaims.All, "balles/eq-6.21").Formalizations[0];
        using var bits = EnclosureSettings.Use(128);
        var relation = statement.Evaluate<RationalInterval>(new BlockDiagonal([new Block('r', [0.3, 1, -3])]));
        Assert.Equal(RelationKind.All, relation.Kind);
        Assert.Equal(2, relation.Parts.Count);
        Assert.All(relation.Parts, p => Assert.True((p.Lhs - p.Rhs).Upper <= Fractions.Fraction.Zero, $"{p.Note}: {p.Lhs} > {p.Rhs}"));
    }

    /// <summary>
    /// The chapter-7 inputs have consistent dimensions (issue 11: a mismatch thrown as ArgumentException used to count as
    /// "outside the hypotheses"): every edge case and every generated case of every curvature statement builds its problem.
    /// </summary>
    [Fact]
    public void CurvatureDomains_ProduceConsistentDimensions()
    {
        var statements = BallesFisherClaims.All.SelectMany(c => c.Formalizations).OfType<Statement<CurvatureCase>>().ToList();
        Assert.NotEmpty(statements);
        foreach (var s in statements)
        {
            var cases = s.Domain.Edges().Concat(s.Domain.Generator.Sample(100, new Rnd(7UL, 0x9E3779B97F4A7C15UL | 1), 30));
            foreach (var c in cases)
            {
                var problem = c.Problem<Float64>();
                Assert.Equal(c.Shape.Parameters, problem.Dimension);
                Assert.All(c.Y, y => Assert.Equal(c.Shape.LabelLength, CurvatureFormulas.Label<Float64>(c.Shape, y).Length));
            }
        }
    }

    /// <summary>
    /// balles/eq-7.21 used to hold on every path (satisfied or undecided, never refuted). Its rules are now relations that can
    /// fail: each rule applied to the other kind of dataset is violated.
    /// </summary>
    [Fact]
    public void Eq721_RulesCanComeOutEitherWay()
    {
        var claim = Find(BallesFisherClaims.All, "balles/eq-7.21");
        var wellSpecified = (Statement<FisherSequence>)claim.Formalizations[0];
        var misspecified = (Statement<FisherSequence>)claim.Formalizations[1];
        Assert.True(Violated(wellSpecified.Evaluate<Float64>(new FisherSequence(RegressionFamily.Linear, Specification.MisspecifiedB))),
            "the convergence rule must fail on a misspecified dataset");
        Assert.True(Violated(misspecified.Evaluate<Float64>(new FisherSequence(RegressionFamily.Linear, Specification.Correct))),
            "the contrast rule must fail on a well-specified dataset");
        Assert.False(Violated(wellSpecified.Evaluate<Float64>(new FisherSequence(RegressionFamily.Linear, Specification.Correct))));
    }

    private static bool Violated(Relation<Float64> r) => r.Kind switch
    {
        RelationKind.All => r.Parts.Any(Violated),
        RelationKind.LessOrEqual => r.Lhs.Value > r.Rhs.Value,
        RelationKind.Less => r.Lhs.Value >= r.Rhs.Value,
        _ => throw new InvalidOperationException($"unexpected relation {r.Kind}"),
    };
}
