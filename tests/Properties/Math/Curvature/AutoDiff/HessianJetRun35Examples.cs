using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Forward-mode Hessian jets (mutation run 34's survivors in <see cref="HessianJet{T}"/>). erf over rational intervals runs
/// the generic chain rule: at x = ½ its gradient is erf′(x) = (2/√π)·e^(−x²) and its Hessian erf″(x) = −2x·erf′(x), and erf
/// of a constant jet is a constant. Over <see cref="Float64"/> a quotient by a linear jet with a subnormal gradient entry
/// takes the scaled quotient: for b = 2^-1070·x₀ + 2^300·x₁ with value 16, ∂²(1/b)/∂x₀∂x₁ = 2·b₀b₁/b³ = 2^-781 exactly,
/// which the plain chain rule loses ((2/b³)·2^-1070 = 2^-1081 rounds to 0 before the factor 2^300).
/// </summary>
public sealed class HessianJetRun35Examples
{
    [Fact]
    public void Erf_OverRationalIntervals_HasTheClosedFormDerivatives()
    {
        var x = HessianJet<RationalInterval>.Variable(RationalInterval.Exact(0.5), 0, 1);
        var y = HessianJet<RationalInterval>.Erf(x);
        double first = 2 / Math.Sqrt(Math.PI) * Math.Exp(-0.25);
        Assert.False(y.IsConstant);
        // 1e-9: the double closed form is within a few ulp, the enclosure's midpoint far closer than 1e-9 to the exact value.
        Assert.Equal(first, y.Gradient(0).Midpoint, 1e-9);
        Assert.Equal(-2 * 0.5 * first, y.Hessian(0, 0).Midpoint, 1e-9);
        // erf(½) = 0.5204998778130465 (to double precision).
        Assert.Equal(0.5204998778130465, y.Value.Midpoint, 1e-9);
    }

    [Fact]
    public void Erf_OfAConstantOverRationalIntervals_IsAConstant()
    {
        var y = HessianJet<RationalInterval>.Erf(HessianJet<RationalInterval>.Constant(RationalInterval.Exact(0.5)));
        Assert.True(y.IsConstant);
        // 1e-9 as above.
        Assert.Equal(0.5204998778130465, y.Value.Midpoint, 1e-9);
        Assert.Equal(0.0, y.Gradient(0).Midpoint);
    }

    [Fact]
    public void Quotient_ByALinearJetWithASubnormalGradientEntry_KeepsTheMixedSecondDerivative()
    {
        var x0 = HessianJet<Float64>.Variable(Float64.Of(0), 0, 2);
        var x1 = HessianJet<Float64>.Variable(Float64.Of(Math.ScaleB(1, -296)), 1, 2);
        var b = HessianJet<Float64>.Constant(Float64.Of(Math.ScaleB(1, -1070))) * x0
            + HessianJet<Float64>.Constant(Float64.Of(Math.ScaleB(1, 300))) * x1;
        Assert.Equal(16.0, b.Value.Value);
        Assert.Equal(Math.ScaleB(1, -1070), b.Gradient(0).Value);
        var q = 1 / b;
        // 1/b: gradient −∇b/b², Hessian 2·∇b∇bᵀ/b³ (b is linear); every value below is a power of two in range.
        Assert.Equal(1.0 / 16, q.Value.Value);
        Assert.Equal(-Math.ScaleB(1, 292), q.Gradient(1).Value);
        Assert.Equal(Math.ScaleB(1, 589), q.Hessian(1, 1).Value);
        double expected = Math.ScaleB(1, -781);
        // 11 ulp: the documented bound for the scaled quotient is 10.5u of the one term's magnitude (the exact value here).
        Assert.True(Math.Abs(q.Hessian(0, 1).Value - expected) <= 11 * Math.ScaleB(expected, -52), $"got {q.Hessian(0, 1).Value:R}");
    }
}
