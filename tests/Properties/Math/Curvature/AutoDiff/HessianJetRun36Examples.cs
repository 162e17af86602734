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

    private static void AssertRelative(double expected, double actual, int ulps, string what) =>
        Assert.True(Math.Abs(actual - expected) <= ulps * Math.ScaleB(Math.Abs(expected), -52), $"{what} = {actual:R}, expected ≈ {expected:R}");
}
