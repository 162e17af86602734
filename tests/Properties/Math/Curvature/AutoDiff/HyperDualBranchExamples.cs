using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HyperDual"/>: the chain rule's scaled branch (φ' below the normal range) keeps the φ'·x_ε₁ε₂ term of the
/// mixed part; where φ' is normal but φ'' is not (tanh at a subnormal x: φ' = 1 − t² = 1, φ'' = −2t(1 − t²) = −2x
/// subnormal) the mixed part φ''·x_ε₁·x_ε₂ is that exact product rounded once, not the plain (φ''·x_ε₁)·x_ε₂ rounded
/// twice; and a quotient by a zero value is rejected naming the divisor.
/// </summary>
public class HyperDualBranchExamples
{
    [Fact]
    public void ExpWithSubnormalDerivative_KeepsTheMixedPartTerm()
    {
        // x = −800 + 2^900·ε₁ε₂ (ε₁, ε₂ parts 0): exp(x) has ε₁ε₂ part e^−800·2^900 (φ'' x_ε₁ x_ε₂ vanishes), which is
        // normal (≈ 2^−254) although e^−800 itself underflows to 0. Written as e^−100·(e^−700·2^900), each factor a
        // normal double: a few ulps from the exact value; tolerance 1e-14 relative for those roundings.
        var y = HyperDual.Exp(new HyperDual(-800, 0, 0, Math.ScaleB(1, 900)));
        double expected = Math.Exp(-100) * Math.ScaleB(Math.Exp(-700), 900);
        Assert.True(Math.Abs(y.E12 - expected) <= 1e-14 * expected, $"ε₁ε₂ part {y.E12:R}, expected {expected:R}");
        Assert.Equal(0, y.E1);
        Assert.Equal(0, y.E2);
    }

    [Fact]
    public void TanhWithSubnormalSecondDerivative_RoundsTheMixedPartOnce()
    {
        // x = 3·2^-1074: tanh x = x (|tanh x − x| ≤ x³/3, far below half the subnormal spacing), so φ'' = −6·2^-1074 exactly.
        // x_ε₁ = x_ε₂ = (1 + 2^-52)·2^540, x_ε₁ε₂ = 0: the exact mixed part is −384·(1 + 2^-52)², which rounds once to
        // −384·(1 + 2^-51); rounding φ''·x_ε₁ first (a tie, to even) and then times x_ε₂ gives −384·(1 + 2^-50).
        double x = Math.ScaleB(3, -1074), seed = Math.ScaleB(1 + Math.ScaleB(1, -52), 540);
        Assert.Equal(x, Math.Tanh(x));
        var y = HyperDual.Tanh(new HyperDual(x, seed, seed, 0));
        var exact = -2 * ExactDouble.ToFraction(x) * ExactDouble.ToFraction(seed) * ExactDouble.ToFraction(seed);
        Assert.Equal(ExactDouble.ToDouble(exact), y.E12);
        Assert.Equal(-384 * (1 + Math.ScaleB(1, -51)), y.E12);
        Assert.Equal(seed, y.E1);
        Assert.Equal(seed, y.E2);
    }

    [Fact]
    public void QuotientByZero_IsRejected() =>
        ArgumentAssert.Rejects(() => _ = new HyperDual(1, 1, 0, 0) / new HyperDual(0, 1, 0, 0), "b", "non-zero number");
}
