using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Forward-mode Hessian jets, survivors of mutation run 35 in <see cref="HessianJet{T}"/> and
/// <see cref="ElementaryDerivatives"/>. Over rational intervals a quotient by a constant jet is (a/b, ∇a/b, ∇²a/b) exactly.
/// Over <see cref="Float64"/>, erfc at x = 2^-1070 seeded with s = 2^500: erfc″(x) = 2x·(2/√π)·e^{−x²} ≈ 36.1·2^-1074 is
/// subnormal as a double (it would round to 36·2^-1074, 0.3% off), but ∂₀₀ = erfc″(x)·s² = 2^-69·(2/√π)·e^{−x²} is a normal
/// double; the chain rule must carry erfc″ unrounded (scaled) and must not take the plain products for it.
/// </summary>
public sealed class HessianJetRun36Examples
{
    [Fact]
    public void QuotientByAConstant_InRationalIntervals_IsExact()
    {
        var (value, gradient, hessian) = HessianJet<RationalInterval>.Evaluate(
            v => v[0] * v[0] / HessianJet<RationalInterval>.Constant(RationalInterval.Exact(new Fraction(4))),
            [RationalInterval.Exact(new Fraction(3))]);
        // x²/4 at x = 3: 9/4, gradient 2x/4 = 3/2, Hessian 2/4 = 1/2
        Assert.Equal(new Fraction(9, 4), value.Lower);
        Assert.Equal(new Fraction(9, 4), value.Upper);
        Assert.Equal(new Fraction(3, 2), gradient[0].Lower);
        Assert.Equal(new Fraction(3, 2), gradient[0].Upper);
        Assert.Equal(new Fraction(1, 2), hessian[0, 0].Lower);
        Assert.Equal(new Fraction(1, 2), hessian[0, 0].Upper);
    }

    [Fact]
    public void Erfc_AtASubnormalArgumentWithALargeSeed_KeepsTheSecondDerivative()
    {
        double x = Math.ScaleB(1, -1070), s = Math.ScaleB(1, 500);
        var seeded = HessianJet<Float64>.Variable(new Float64(0), 0, 1) * HessianJet<Float64>.Constant(new Float64(s))
            + HessianJet<Float64>.Constant(new Float64(x));
        Assert.Equal(x, seeded.Value.Value);
        var y = HessianJet<Float64>.Erfc(seeded);
        double twoOverSqrtPi = 2 / Math.Sqrt(Math.PI); // within 1 ulp of 2/√π; e^{−x²} = 1 to 2^-2140
        // Tolerance 8 ulp relative: 2/√π above (1u), φ′ and φ″ as rounded (ElementaryDerivatives: a few u) and the chain
        // rule's one final rounding of its scaled sum ((k + 2)·u, k = 3 factors); the rounded-subnormal φ″ is 0.3% off.
        AssertRelative(-twoOverSqrtPi * s, y.Gradient(0).Value, 8, "∂₀");
        AssertRelative(Math.ScaleB(twoOverSqrtPi, -69), y.Hessian(0, 0).Value, 8, "∂₀₀");
    }

    /// <summary>
    /// The product of two linear jets a = 1 + 2^-500·x₀ + 2^-526·x₁ and b = 1 + 2^-527(1 + 2^-47)·x₀ + 2^-500·x₁: its mixed
    /// second derivative is a₀b₁ + b₀a₁ = 2^-1000 + 2^-1053 + 2^-1100 exactly. The partial product b₀a₁ is subnormal and
    /// rounds to 2^-1053 (its 2^-1100 lost), after which the plain sum is a tie that rounds to 2^-1000; the documented route for
    /// a partial product outside the normal range is one scaled sum rounded once, which gives the nearest double to the exact
    /// value, 2^-1000 + 2^-1052 (mutation run 35: the plain sum was taken when only one of the two products was normal).
    /// </summary>
    [Fact]
    public void Product_WithOneSubnormalCrossTerm_RoundsTheMixedPartOnce()
    {
        static HessianJet<Float64> Linear(double value, double g0, double g1) =>
            HessianJet<Float64>.Variable(new Float64(0), 0, 2) * HessianJet<Float64>.Constant(new Float64(g0))
            + HessianJet<Float64>.Variable(new Float64(0), 1, 2) * HessianJet<Float64>.Constant(new Float64(g1))
            + HessianJet<Float64>.Constant(new Float64(value));
        double b0 = Math.ScaleB(1 + Math.ScaleB(1, -47), -527);
        var a = Linear(1, Math.ScaleB(1, -500), Math.ScaleB(1, -526));
        var b = Linear(1, b0, Math.ScaleB(1, -500));
        Assert.Equal(Math.ScaleB(1, -500), a.Gradient(0).Value);
        Assert.Equal(b0, b.Gradient(0).Value);
        var product = a * b;
        Assert.Equal(Math.ScaleB(1, -1000) + Math.ScaleB(1, -1052), product.Hessian(0, 1).Value);
    }

    private static void AssertRelative(double expected, double actual, int ulps, string what) =>
        Assert.True(Math.Abs(actual - expected) <= ulps * Math.ScaleB(Math.Abs(expected), -52), $"{what} = {actual:R}, expected ≈ {expected:R}");
}
