using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HyperDual"/>: the chain rule's scaled branch (φ' below the normal range) keeps the φ'·x_ε₁ε₂ term of the
/// mixed part, and a quotient by a zero value is rejected naming the divisor.
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
    public void QuotientByZero_IsRejected() =>
        ArgumentAssert.Rejects(() => _ = new HyperDual(1, 1, 0, 0) / new HyperDual(0, 1, 0, 0), "b", "non-zero number");
}
