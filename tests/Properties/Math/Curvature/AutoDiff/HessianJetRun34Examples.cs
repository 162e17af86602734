using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Forward-mode Hessian jets over <see cref="Float64"/> (mutation run 33's survivors in <see cref="HessianJet{T}"/>):
/// a sum whose single Hessian entry is ∞ − ∞ is rejected even where the other entries are numbers (checking for "all
/// entries NaN" survived), and the quotient's scaled branch (a part outside [2^-100, 2^100]) keeps the packed
/// d(d+1)/2-entry Hessian, so its jet adds to another jet: 1/x₀ + x₁² at (2^200, 3) has value 9 (2^-200 is far below half
/// an ulp of 9), gradient (−2^-400, 6) and Hessian diag(2·2^-600, 2), all exact in doubles.
/// </summary>
public sealed class HessianJetRun34Examples
{
    private static HessianJet<Float64> Variable(double value, int i) => HessianJet<Float64>.Variable(Float64.Of(value), i, 2);

    [Fact]
    public void Sum_WithOneHessianEntryInfinityMinusInfinity_IsRejected()
    {
        // c·x₀² with c = double.MaxValue has ∂²/∂x₀² = 2c = +∞ (beyond the range) and value and gradient 0 at x₀ = 0; the
        // other two Hessian entries are 0, so only one of three entries of (c·x₀²) + (−c·x₀²) is ∞ − ∞.
        var x = Variable(0, 0);
        var c = HessianJet<Float64>.Constant(Float64.Of(double.MaxValue));
        var up = c * (x * x);
        var down = -c * (x * x);
        Assert.Equal(double.PositiveInfinity, up.Hessian(0, 0).Value);
        Assert.Equal(0.0, up.Hessian(1, 1).Value);
        Assert.Throws<DoubleRangeException>(() => up + down);
    }

    [Fact]
    public void ScaledQuotient_AddsToAnotherJet()
    {
        var x0 = Variable(Math.ScaleB(1, 200), 0);
        var x1 = Variable(3, 1);
        var sum = 1 / x0 + x1 * x1;
        Assert.Equal(9.0, sum.Value.Value);
        Assert.Equal(-Math.ScaleB(1, -400), sum.Gradient(0).Value);
        Assert.Equal(6.0, sum.Gradient(1).Value);
        Assert.Equal(Math.ScaleB(1, -599), sum.Hessian(0, 0).Value);
        Assert.Equal(0.0, sum.Hessian(0, 1).Value);
        Assert.Equal(2.0, sum.Hessian(1, 1).Value);
    }
}
