using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using FsCheck;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Adversarial soundness cases from the review of the mean-value form, several-input monotonicity, one-root identities and
/// the erfc tail (issue "Theorem checking", item 6): false statements whose search looks only where they hold, so the
/// verdict reaches the prover, which must refuse.
/// </summary>
public class ReviewSoundnessExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    /// <summary>
    /// x − 3/2 + 10²⁰·(p − 1) ≤ 0 on x ∈ [0, 2], p = 1: false for x ∈ (3/2, 2]. p's tag collides with x's midpoint 1, so
    /// ProofTags moves it to the next double, outside p's one-value box; the mean-value form must expand about one point m
    /// (d(m) and the increments X − m), not take d at p = 1 and the increment p − (1 + 2⁻⁵²), which is 10²⁰·2⁻⁵² ≈ 2·10⁴ off.
    /// </summary>
    private sealed class MovedTag : Statement<(double X, double P)>
    {
        [SetsRequiredMembers]
        public MovedTag()
        {
            Name = "moved-tag";
            Description = "x − 3/2 + 1e20·(p − 1) ≤ 0 on [0, 2] × {1}";
            Tolerance = "none";
            Domain = new Domain<(double X, double P)>
            {
                // The search sees x ≤ 1 only, where the statement holds: the verdict is the prover's.
                Generator = EdgeDoubles.Unit.Select(u => (u, 1.0)),
                Describe = q => [NamedValue.Of("x", q.X), NamedValue.Of("p", q.P)],
            };
            Proofs =
            [
                new ProofDomain<(double X, double P)>
                {
                    Box = [new ProofCoordinate("x", 0, 2), new ProofCoordinate("p", 1, 1)],
                    At = v => (v[0], v[1]),
                    CoversStatedDomain = true,
                },
            ];
        }

        public override Relation<T> Evaluate<T>((double X, double P) input)
        {
            var x = T.Input(input.X);
            var p = T.Input(input.P);
            return Relation.LessOrEqual(x - T.Ratio(3, 2) + T.Of(1e20) * (p - 1), T.Of(0));
        }
    }

    [Fact]
    public void MeanValueFormWithATagMovedOffItsBox_DoesNotProveAFalseStatement()
    {
        var result = Run(new MovedTag());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true }, string.Join("; ", result.Proof?.Notes ?? []));
    }

    /// <summary>
    /// √x + √(x + (x − 3/2)²) = 2√x on [1, 2]: false off x = 3/2. Both sides are 2r in Q(x)[√x] (degree 0: one grid point,
    /// x = 3/2, where the second radicand equals x); only the obligation "second radicand ≡ D", of degree 2, sizes the
    /// grid to three points and refuses it.
    /// </summary>
    private sealed class SecondRadicandEqualAtTheMidpoint : Statement<double>
    {
        [SetsRequiredMembers]
        public SecondRadicandEqualAtTheMidpoint()
        {
            Name = "second-radicand-at-midpoint";
            Description = Name;
            Tolerance = "none";
            Kind = StatementKind.Identity;
            MinimumDistinctInputs = 1;
            Domain = new Domain<double>
            {
                Generator = Gen.Constant(1.5),
                Edges = () => [1.5],
                Describe = x => [NamedValue.Of("x", x)],
            };
            Proofs = [new ProofDomain<double>
            {
                Box = [new ProofCoordinate("x", 1, 2)],
                At = v => v[0],
                CoversStatedDomain = true,
                Identity = new ExactIdentity(),
            }];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            var shift = x - T.Ratio(3, 2);
            return Relation.Equal(T.Sqrt(x) + T.Sqrt(x + shift * shift), 2 * T.Sqrt(x), 1 + x, 1e-12);
        }
    }

    [Fact]
    public void SecondRadicandEqualToTheFirstOnlyAtTheSidesGrid_IsNotProved()
    {
        var result = Run(new SecondRadicandEqualAtTheMidpoint());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true }, string.Join("; ", result.Proof?.Notes ?? []));
    }

    /// <summary>
    /// erf(1/(1 − y)) ≥ 1 − (1 − y)³/100 on y ∈ [0, 1), the pole at the right face y = 1 (s = 1 − y → 0): it is
    /// erfc(1/s) ≤ s³/100, true for small s (the tail is e^(−1/s²)-small) but false for s ≳ 0.4 (erfc(2) ≈ 4.7·10⁻³ &gt;
    /// 1.25·10⁻³ at s = 1/2). Searched only on y ∈ [3/4, 1), where it holds: the prover must refuse.
    /// </summary>
    private sealed class TailBoundAtTheRightFace : Statement<double>
    {
        [SetsRequiredMembers]
        public TailBoundAtTheRightFace()
        {
            Name = "tail-at-right-face";
            Description = Name;
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => 0.75 + u / 4).Where(y => y < 1),
                Describe = y => [NamedValue.Of("y", y)],
            };
            Proofs = [new ProofDomain<double> { Box = [new ProofCoordinate("y", 0, 1) { TightAt = [1] }], At = v => v[0], CoversStatedDomain = true }];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var y = T.Input(input);
            Assume.That(y >= T.Of(0) && y < T.Of(1), "0 ≤ y < 1");
            var s = 1 - y;
            return Relation.LessOrEqual(1 - s * s * s / 100, T.Erf(1 / s));
        }
    }

    [Fact]
    public void TailBoundFalseAwayFromTheRightFace_IsNotProved()
    {
        var result = Run(new TailBoundAtTheRightFace());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true }, string.Join("; ", result.Proof?.Notes ?? []));
    }

    /// <summary>
    /// erf(−1/y²) ≤ −1 + 10⁻³⁰ on y ∈ (0, 1]: erf(−z) = −1 + erfc(z) with z = 1/y² (a pole of order 2 of negative sign), so
    /// it is erfc(1/y²) ≤ 10⁻³⁰, false for y ≳ 0.35 (erfc(8) ≈ 10⁻²⁹). Searched only on y ∈ (0, 1/4]: the prover must refuse.
    /// </summary>
    private sealed class NegativeDoublePoleTail : Statement<double>
    {
        [SetsRequiredMembers]
        public NegativeDoublePoleTail()
        {
            Name = "negative-double-pole-tail";
            Description = Name;
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => u / 4).Where(y => y > 0),
                Describe = y => [NamedValue.Of("y", y)],
            };
            Proofs = [new ProofDomain<double> { Box = [new ProofCoordinate("y", 0, 1) { TightAt = [0] }], At = v => v[0], CoversStatedDomain = true }];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var y = Assume.Positive(T.Input(input), "y > 0");
            Assume.That(y <= 1, "y ≤ 1");
            return Relation.LessOrEqual(T.Erf(-1 / (y * y)), -1 + T.Of(1e-30));
        }
    }

    [Fact]
    public void TailOfANegativeDoublePoleBoundedTooTightly_IsNotProved()
    {
        var result = Run(new NegativeDoublePoleTail());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true }, string.Join("; ", result.Proof?.Notes ?? []));
    }

    /// <summary>f(x, p) = p·x²/2 − x: ∂f/∂x = p·x − 1 ≤ 0 on x ∈ (−1, 1) exactly when p ≤ 1.</summary>
    private sealed class SlopeGrowsWithTheParameter : ISeveralInputFunction
    {
        public T At<T>(IReadOnlyList<T> v) where T : IReal<T> => v[1] * v[0] * v[0] / 2 - v[0];
    }

    /// <summary>
    /// ∂f/∂x ≤ 0 on x ∈ (−1, 1) for every p ≥ 0, through a chart at p = 1 with a declared scaling p ↦ μp, x fixed, which is
    /// no symmetry of ∂f/∂x = p·x − 1 (the 1 does not scale): true on the chart, false for p &gt; 1. The dimensional analysis
    /// of the derivative check's code (Dual over the function) must refuse the chart; the search looks at p ≤ 1 only.
    /// </summary>
    [Fact]
    public void DerivativeCheckWithAScalingThatIsNoSymmetryOfTheSlope_IsNotProved()
    {
        var chart = new ProofDomain<(double X, double P)>
        {
            Box = [new ProofCoordinate("x", -1, 1) { TightAt = [-1, 1] }, new ProofCoordinate("p", 1, 1)],
            At = v => (v[0], v[1]),
            Reduction = "p ↦ μp (claimed)",
            Scaling = [[0], [1]],
            CoversStatedDomain = true,
        };
        var search = new Domain<(double X, double P)>
        {
            Generator =
                from u in EdgeDoubles.Unit
                from w in EdgeDoubles.Unit
                select (-1 + 2 * u, w),
            Describe = q => [NamedValue.Of("x", q.X), NamedValue.Of("p", q.P)],
        };
        var check = new PartialDerivativeSign<(double X, double P)>("scaled-slope", "∂f/∂x ≤ 0 for p ≥ 0", new SlopeGrowsWithTheParameter(),
            q => [q.X, q.P], variable: 0, "x", nonNegative: false, strict: false, -1, 1, search, [chart]);

        var result = Run(check);

        // The chart itself is proved (p = 1); what must not be claimed is the stated domain p ≥ 0.
        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true, CoversStatedDomain: true }, string.Join("; ", result.Proof?.Notes ?? []));
    }
}
