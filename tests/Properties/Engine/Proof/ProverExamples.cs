using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Soundness first (issue "Theorem checking", item 6): the prover never proves a false statement, even one violated
/// only on a tiny box or at a single boundary point; it proves true ones, tight ones included; and a proof of a
/// statement with heavy cancellation does not rest on double rounding.
/// </summary>
public class ProverExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    /// <summary>A one-variable statement on [lo, hi], written once in <see cref="Formula"/>, whose proof domain is all of it.</summary>
    private abstract class OnInterval : Statement<double>
    {
        [SetsRequiredMembers]
        protected OnInterval(string name, double lo, double hi, params double[] tight)
        {
            Name = name;
            Description = name;
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => lo + u * (hi - lo)),
                Describe = x => [NamedValue.Of("x", x)],
            };
            Proofs = [new ProofDomain<double> { Box = [new ProofCoordinate("x", lo, hi) { TightAt = tight }], At = v => v[0], CoversStatedDomain = true }];
        }

        protected abstract Relation<T> Formula<T>(T x) where T : IReal<T>;

        public override Relation<T> Evaluate<T>(double input) => Formula(T.Input(input));
    }

    /// <summary>√(1+x) ≤ 1 + x/2 on [−1, 10]: equality at x = 0, an infinite derivative at x = −1.</summary>
    private sealed class SqrtBound : OnInterval
    {
        [SetsRequiredMembers]
        public SqrtBound() : base("sqrt", -1, 10, tight: 0)
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.LessOrEqual(T.Sqrt(1 + x), 1 + x / 2, 1 + T.Abs(x));
    }

    /// <summary>(x − 0.3)² ≥ 1e-20 on [0, 1]: false only for |x − 0.3| &lt; 1e-10, a box of width 2e-10.</summary>
    private sealed class TinyHole : OnInterval
    {
        [SetsRequiredMembers]
        public TinyHole() : base("hole", 0, 1)
        {
        }

        protected override Relation<T> Formula<T>(T x)
        {
            var d = x - T.Of(0.3);
            return Relation.LessOrEqual(T.Of(1e-20), d * d);
        }
    }

    /// <summary>0 &lt; x on [0, 1]: false at the single boundary point x = 0.</summary>
    private sealed class PositiveOnClosed : OnInterval
    {
        [SetsRequiredMembers]
        public PositiveOnClosed() : base("boundary", 0, 1)
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.Less(T.Of(0), x);
    }

    /// <summary>0 ≤ (2^53 + x) − 2^53 − x on [0, 1]: exactly 0 everywhere, while doubles lose x's low bits.</summary>
    private sealed class Cancellation : OnInterval
    {
        [SetsRequiredMembers]
        public Cancellation() : base("cancellation", 0, 1)
        {
        }

        protected override Relation<T> Formula<T>(T x)
        {
            var big = T.Of(9007199254740992.0);
            return Relation.LessOrEqual(T.Of(0), big + x - big - x, T.Of(1));
        }
    }

    /// <summary>x² − 10⁻⁹x ≥ 0 on [0, 1], tight at the face x = 0: false on (0, 10⁻⁹), where the Taylor bracket −10⁻⁹ + t is negative.</summary>
    private sealed class FalseNextToTightFace : OnInterval
    {
        [SetsRequiredMembers]
        public FalseNextToTightFace() : base("next-to-face", 0, 1, tight: 0)
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.LessOrEqual(T.Ratio(1, 1_000_000_000) * x, x * x);
    }

    /// <summary>0 &lt; f on [0, 1] with f = x off the face and f = −1 on it (a branch on the face): false at x = 0 only.</summary>
    private sealed class FalseOnTheFaceBranch : OnInterval
    {
        [SetsRequiredMembers]
        public FalseOnTheFaceBranch() : base("face-branch", 0, 1, tight: 0)
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.Less(T.Of(0), T.Sign(x) == 0 ? T.Of(-1) : x);
    }

    /// <summary>x³/3 ≤ x³/2 on [0, 1] written as a difference of identical expansions (tight to third order at the face x = 0).</summary>
    private sealed class TightToThirdOrder : OnInterval
    {
        [SetsRequiredMembers]
        public TightToThirdOrder() : base("third-order", 0, 1, tight: 0)
        {
        }

        protected override Relation<T> Formula<T>(T x)
        {
            var common = T.Sqrt(1 + x) - 1 - x / 2; // vanishes to second order at 0 and is computed twice
            return Relation.LessOrEqual(common + x * x * x / 3, common + x * x * x / 2);
        }
    }

    [Fact]
    public void FalseStatementNextToATightFace_IsNeverProved()
    {
        var result = Run(new FalseNextToTightFace());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void FalseStatementOnTheFaceBranchOnly_IsNeverProved()
    {
        // Off the face the Taylor rule decides Sign(x) = +1 and 0 < x holds; the face takes the other branch, −1.
        var result = Run(new FalseOnTheFaceBranch());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void StatementTightToThirdOrderAtAFace_IsProved()
    {
        var result = Run(new TightToThirdOrder());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
    }

    [Fact]
    public void TrueTightInequality_IsProvedOnItsWholeDomain()
    {
        // √(1+x) ≤ 1 + x/2 on [−1, 10]: equality at x = 0, an infinite derivative at x = −1.
        var result = Run(new SqrtBound());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []) + " " + result.Proof);
        Assert.True(result.Proof!.Proved);
        Assert.True(result.Proof.Boxes > 1);
        Assert.Equal(1.0, result.Proof.VolumeCoverage, 12);
    }

    [Fact]
    public void FalseStatementViolatedOnATinyBox_IsNeverProved()
    {
        var result = Run(new TinyHole());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void FalseStatementViolatedAtOneBoundaryPoint_IsNeverProved()
    {
        var result = Run(new PositiveOnClosed());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void ProofWithHeavyCancellation_DoesNotRestOnDoubleRounding()
    {
        // In doubles (2^53 + x) − 2^53 − x is −x's rounding error, not 0: the search sees violations and exact arithmetic
        // dismisses each; the proof closes the whole box with the mean-value form, whose derivatives are exactly 0.
        var result = Run(new Cancellation());

        Assert.Equal(Verdict.Proved, result.Verdict);
        Assert.True(result.Tally.Violations > 0, "doubles never lost a bit: the test lost its point");
    }
}
