using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// A proof on an unbounded domain through a scaling reduction (issue "Theorem checking", item 3): elmo-amos eq. (14)'s
/// m(x*) ≤ M(x*) over all λ ∈ ℝ, |g| ≥ 0, L &gt; 0 is invariant under λ ↦ μλ/α², |g| ↦ μ|g|/α, L ↦ μL/α³ (x* ↦ αx*, both
/// sides ↦ μ·side), so three compact charts cover it: λ = ±1, L = 1, |g| ≤ 1; |g| = 1, L = 1, |λ| ≤ 1; and λ = |g| = 0,
/// L = 1. The prover closes every chart and checks the invariance by dimensional analysis of the same code; a
/// statement that is not scale invariant gets no proof on the stated domain.
/// </summary>
public class ScalingReductionExamples
{
    private static readonly IReadOnlyList<IReadOnlyList<double>> Degrees = [[-2, 1], [-1, 1], [-3, 1]];

    private const string Reduction = "(λ, |g|, L) ↦ (μλ/α², μ|g|/α, μL/α³) with α, μ > 0 maps every input to a chart";

    private abstract class Eigenspace : Statement<(double Lambda, double Grad, double Lipschitz)>
    {
        [SetsRequiredMembers]
        protected Eigenspace(string name)
        {
            Name = name;
            Description = name;
            Tolerance = "none";
            Domain = new Domain<(double Lambda, double Grad, double Lipschitz)>
            {
                Generator = from l in EdgeDoubles.Signed(1e-3, 1e3) from a in EdgeDoubles.NonNegative(1e-3, 1e3) from lip in EdgeDoubles.Positive(1e-3, 1e3) select (l, a, lip),
                Describe = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("grad", e.Grad), NamedValue.Of("lipschitz", e.Lipschitz)],
            };
            ProofDomain<(double, double, double)> Chart(ProofCoordinate l, ProofCoordinate a) => new()
            {
                Box = [l, a, new ProofCoordinate("L", 1, 1)],
                At = v => (v[0], v[1], v[2]),
                Reduction = Reduction,
                Scaling = Degrees,
                CoversStatedDomain = true,
            };
            Proofs =
            [
                Chart(new ProofCoordinate("λ", -1, -1), new ProofCoordinate("|g|", 0, 1) { TightAt = [0] }),
                Chart(new ProofCoordinate("λ", 1, 1), new ProofCoordinate("|g|", 0, 1) { TightAt = [0] }),
                Chart(new ProofCoordinate("λ", -1, 1) { TightAt = [0] }, new ProofCoordinate("|g|", 1, 1)),
                Chart(new ProofCoordinate("λ", 0, 0), new ProofCoordinate("|g|", 0, 0)),
            ];
        }
    }

    private sealed class LowerBelowUpper : Eigenspace
    {
        [SetsRequiredMembers]
        public LowerBelowUpper() : base("m-le-M")
        {
        }

        public override Relation<T> Evaluate<T>((double Lambda, double Grad, double Lipschitz) input)
        {
            var (l, a, lip) = (T.Input(input.Lambda), T.Input(input.Grad), T.Input(input.Lipschitz));
            Assume.NonNegative(a, "|g| ≥ 0");
            Assume.Positive(lip, "L > 0");
            var x = ElmoFormulas.Step(l, a, lip);
            return Relation.LessOrEqual(ElmoFormulas.Lower(-a, l, lip, x), ElmoFormulas.Upper(-a, l, lip, x));
        }
    }

    /// <summary>M(x*) ≤ 1: true on the charts (M(x*) ≤ 0 there) but not scale invariant, so not proved on the domain.</summary>
    private sealed class UpperBelowOne : Eigenspace
    {
        [SetsRequiredMembers]
        public UpperBelowOne() : base("M-le-1")
        {
        }

        public override Relation<T> Evaluate<T>((double Lambda, double Grad, double Lipschitz) input)
        {
            var (l, a, lip) = (T.Input(input.Lambda), T.Input(input.Grad), T.Input(input.Lipschitz));
            var x = ElmoFormulas.Step(l, a, lip);
            return Relation.LessOrEqual(ElmoFormulas.Upper(-a, l, lip, x), T.Of(1));
        }
    }

    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(100, 1));

    [Fact]
    public void ScaleInvariantStatement_IsProvedOnItsWholeUnboundedDomain()
    {
        var result = Run(new LowerBelowUpper());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
        Assert.True(result.Proof!.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("dimensional analysis", StringComparison.Ordinal));
    }

    [Fact]
    public void StatementThatIsNotScaleInvariant_IsNotProvedOnTheStatedDomain()
    {
        var result = Run(new UpperBelowOne());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof!.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("not scale invariant", StringComparison.Ordinal));
    }
}
