using Verification.Engine;
using Verification.Engine.Xunit;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Lemmas;

using Domains = Verification.Engine.Domains;

/// <summary>
/// Lemmas stated through the public API (<see cref="Lemma{T1}"/> …) of known truth, run through the real engine, and
/// <see cref="LemmaAssert"/>: a true statement passes; a false one fails with its certified counterexample; inconclusive
/// and vacuous fail with their reasons; a pinned counterexample is re-certified exactly.
/// </summary>
public class LemmaExamples
{
    /// <summary>
    /// AM–GM in squares: xy ≤ (x² + y²)/2 for x, y ≥ 0 of any magnitude (true; equality at x = y, decided exactly; x² overflows
    /// in doubles beyond 2^512, where exact arithmetic decides).
    /// </summary>
    private sealed class AmGm() : Lemma<double, double>("am-gm", "xy ≤ (x² + y²)/2 for x, y ≥ 0",
        Domains.NonNegative("x", Magnitude.Any), Domains.NonNegative("y", Magnitude.Any))
    {
        public override Relation<T> Evaluate<T>(double x, double y)
        {
            var (a, b) = (T.Input(x), T.Input(y));
            return Relation.LessOrEqual(a * b, (a * a + b * b) / 2, a * a + b * b);
        }
    }

    /// <summary>(x + y)² ≤ x² + y², false wherever xy &gt; 0 (an open set).</summary>
    private sealed class SquareOfSum() : Lemma<double, double>("square-of-sum", "(x + y)² ≤ x² + y²",
        Domains.Scalar("x"), Domains.Scalar("y"))
    {
        public override string Note => "a planted false statement";

        public override Relation<T> Evaluate<T>(double x, double y)
        {
            var (a, b) = (T.Input(x), T.Input(y));
            return Relation.LessOrEqual((a + b) * (a + b), a * a + b * b, a * a + b * b);
        }
    }

    /// <summary>pᵀs ≤ 1 for a probability vector p and a sign vector s (true: |pᵀs| ≤ ‖p‖₁ = 1, equality at s = 1).</summary>
    private sealed class SignedMass() : Lemma<double[], double[]>("signed-mass", "pᵀs ≤ 1",
        Domains.ProbabilityVector("p", 4), Domains.SignVector("s", 4))
    {
        public override Relation<T> Evaluate<T>(double[] p, double[] s) =>
            Relation.LessOrEqual(RealVector.Dot(RealVector.Input<T>(p), RealVector.Constant<T>(s)), T.Of(1));
    }

    /// <summary>Every hypothesis fails: no input is accepted, so the verdict cannot be holds.</summary>
    private sealed class NothingAccepted() : Lemma<double>("nothing-accepted", "x ≤ x for x < 0", Domains.Positive("x"))
    {
        public override Relation<T> Evaluate<T>(double x)
        {
            Assume.That(T.Input(x) < 0, "x < 0");
            return Relation.LessOrEqual(T.Input(x), T.Input(x));
        }
    }

    /// <summary>Holds only trivially at every input.</summary>
    private sealed class OnlyTrivially() : Lemma<double>("only-trivially", "0 ≤ 0", Domains.Positive("x"))
    {
        public override Relation<T> Evaluate<T>(double x) => Relation.Trivially<T>("both sides are 0");
    }

    /// <summary>λmin(A) ≤ xᵀAx/xᵀx ≤ λmax(A) for x ≠ 0 (Rayleigh), over 3×3 symmetric matrices with exact spectra.</summary>
    private sealed class Rayleigh() : Lemma<SymmetricMatrix, double[]>("rayleigh", "xᵀAx ≤ λmax(A)·xᵀx",
        Domains.Symmetric("A", 3), Domains.Vector("x", 3))
    {
        public override Relation<T> Evaluate<T>(SymmetricMatrix a, double[] x)
        {
            var v = RealVector.Input<T>(x);
            var xx = RealVector.Dot(v, v);
            var lambda = a.LargestEigenvalue<T>();
            return Relation.LessOrEqual(RealVector.Dot(v, a.Read<T>() * v), lambda * xx, T.Abs(lambda) * xx);
        }
    }

    /// <summary>The same with λmin in place of λmax: false for every A with two distinct eigenvalues.</summary>
    private sealed class WrongRayleigh() : Lemma<SymmetricMatrix, double[]>("wrong-rayleigh", "xᵀAx ≤ λmin(A)·xᵀx",
        Domains.Symmetric("A", 3), Domains.Vector("x", 3))
    {
        public override Relation<T> Evaluate<T>(SymmetricMatrix a, double[] x)
        {
            var v = RealVector.Input<T>(x);
            var xx = RealVector.Dot(v, v);
            var lambda = a.SmallestEigenvalue<T>();
            return Relation.LessOrEqual(RealVector.Dot(v, a.Read<T>() * v), lambda * xx, T.Abs(lambda) * xx + xx);
        }
    }

    /// <summary>Code under test that throws at x = 2.</summary>
    private sealed class Throws() : Lemma<double>("throws", "x ≤ x", Domains.Positive("x"))
    {
        public override Relation<T> Evaluate<T>(double x) =>
            x == 2 ? throw new InvalidOperationException("broken at 2") : Relation.LessOrEqual(T.Input(x), T.Input(x));
    }

    [Fact]
    public void TrueLemmas_Hold()
    {
        // Each call throws, with the report as its message, unless the verdict is holds.
        Assert.Equal(Verdict.Holds, LemmaAssert.Holds(new AmGm(), budget: 500).Verdict);
        Assert.Equal(Verdict.Holds, LemmaAssert.Holds(new SignedMass(), budget: 500).Verdict);
        Assert.Equal(Verdict.Holds, LemmaAssert.Holds(new Rayleigh(), budget: 300).Verdict);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(20261123UL)]
    public void FalseLemma_FailsWithTheShrunkCertifiedCounterexampleAndTheSeed(ulong seed)
    {
        var failure = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Holds(new SquareOfSum(), seed, budget: 300));

        var c = failure.Result!.Counterexample!;
        // (x + y)² − x² − y² = 2xy > 0 at x = y = 1, the simplest violating input; margin 2/(1 + 1) = 1 exactly.
        Assert.Equal(["x = 1", "y = 1"], c.Inputs.Select(v => $"{v.Name} = {v.Value}"));
        Assert.Equal(1.0, c.CertifiedMargin);
        Assert.Equal(Scope.OpenSet, c.Scope);
        Assert.Contains("refuted", failure.Message, StringComparison.Ordinal);
        Assert.Contains("lhs = 4, rhs = 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("certified margin ≥ 1 ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scope: open-set", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"seed {seed}, budget 300", failure.Message, StringComparison.Ordinal);
        Assert.Contains("reading (as-written): a planted false statement", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FalseMatrixLemma_IsRefutedThroughTheExactSpectrum()
    {
        var c = LemmaAssert.IsRefuted(new WrongRayleigh(), budget: 300);

        Assert.True(c.CertifiedMargin > 0);
        Assert.StartsWith("A.λ", c.Inputs[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconclusive_IsAFailureWithTheReason()
    {
        var failure = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Holds(new NothingAccepted(), budget: 100));

        Assert.Equal(Verdict.Inconclusive, failure.Result!.Verdict);
        Assert.Contains("inconclusive is not a pass", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at least 20 are needed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vacuous_IsAFailure()
    {
        var failure = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Holds(new OnlyTrivially(), budget: 100));

        Assert.Equal(Verdict.Vacuous, failure.Result!.Verdict);
        Assert.Contains("both sides are 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingCodeUnderTest_IsAFindingNotAPass()
    {
        var failure = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Holds(new Throws(), budget: 100));

        Assert.Equal(Verdict.Inconclusive, failure.Result!.Verdict);
        Assert.Contains("broken at 2", failure.Message, StringComparison.Ordinal);
        Assert.Equal(PinnedOutcome.CodeFailed, Verification.Engine.Lemmas.At(new Throws(), 2.0).Outcome);
    }

    [Fact]
    public void Refutes_PassesAtAnInteriorCounterexampleAndReportsItsScope()
    {
        var c = LemmaAssert.Refutes(new SquareOfSum(), (3.0, 0.5));

        // 2xy/(x² + y²) = 3/9.25 at (3, ½), certified from below.
        Assert.InRange(c.CertifiedMargin, 3 / 9.25 * (1 - 1e-15), 3 / 9.25);
        Assert.Equal(Scope.OpenSet, c.Scope);
        Assert.Equal("pinned input", c.Origin);
    }

    [Fact]
    public void Refutes_FailsWhereTheStatementHoldsOrTheInputIsOutsideTheHypotheses()
    {
        var holds = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Refutes(new SquareOfSum(), (1.0, -1.0)));
        var outside = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Refutes(new NothingAccepted(), 1.0));

        Assert.Equal(PinnedOutcome.Satisfied, holds.Pinned!.Outcome);
        Assert.Contains("holds here exactly", holds.Message, StringComparison.Ordinal);
        Assert.Equal(PinnedOutcome.OutsideHypotheses, outside.Pinned!.Outcome);
        Assert.Contains("x < 0", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AtADegeneratePoint_AnAlmostEverywhereStatementIsNotRefuted()
    {
        var statement = new Search.SyntheticStatements.PositiveSquare(almostEverywhere: true);

        Assert.Equal(PinnedOutcome.AllowedException, Verification.Engine.Lemmas.At(statement, 0.0).Outcome);
        Assert.Throws<LemmaFailedException>(() => LemmaAssert.Refutes(statement, 0.0));
        Assert.Equal(Scope.Degenerate, LemmaAssert.Refutes(new Search.SyntheticStatements.PositiveSquare(almostEverywhere: false), 0.0).Scope);
    }

    [Fact]
    public void ProductEdges_AreEveryCombinationWhenFew()
    {
        // 3 × 3 edges of two Positive scalars: all 9 combinations, the first edge of each first.
        var edges = new AmGmPositive().Statement.Domain.Edges().ToList();

        Assert.Equal(9, edges.Count);
        Assert.Equal((1.0, 1.0), edges[0]);
        Assert.Equal(9, edges.Distinct().Count());
    }

    [Fact]
    public void ProductEdges_AreCappedWhenMany()
    {
        // 8 edges of a signed unit scalar (1, 1/16, 16, 0, their negatives, −0.0), four times: 8⁴ combinations, capped to
        // the first, the one-at-a-time variations (4 × 7) and the diagonals (7).
        var edges = new FourScalars().Statement.Domain.Edges().ToList();

        Assert.Equal(1 + 4 * 7 + 7, edges.Count);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), edges[0]);
    }

    [Fact]
    public void Lemma_RejectsAnEmptyNameOrStatement()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new Named("", "s")).ParamName);
        Assert.Equal("statement", Assert.Throws<ArgumentException>(() => new Named("n", " ")).ParamName);
    }

    private sealed class AmGmPositive() : Lemma<double, double>("p", "x ≤ x", Domains.Positive("x"), Domains.Positive("y"))
    {
        public override Relation<T> Evaluate<T>(double x, double y) => Relation.LessOrEqual(T.Input(x), T.Input(x));
    }

    private sealed class FourScalars() : Lemma<double, double, double, double>("four", "x ≤ x",
        Domains.Scalar("a"), Domains.Scalar("b"), Domains.Scalar("c"), Domains.Scalar("d"))
    {
        public override Relation<T> Evaluate<T>(double a, double b, double c, double d) => Relation.LessOrEqual(T.Input(a), T.Input(a));
    }

    private sealed class Named(string name, string statement) : Lemma<double>(name, statement, Domains.Positive("x"))
    {
        public override Relation<T> Evaluate<T>(double x) => Relation.LessOrEqual(T.Input(x), T.Input(x));
    }
}
