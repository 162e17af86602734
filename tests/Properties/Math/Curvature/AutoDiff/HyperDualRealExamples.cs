using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HyperDualReal{T}"/>: erf over rational intervals (the generic chain rule, not the Float64 one) at x = ½ has
/// first derivative erf′(x) = (2/√π)·e^(−x²) and second −2x·erf′(x), compared with the same closed form in doubles, and erfc
/// at x = ¼ the negated ones, −erf′(x) and 2x·erf′(x); and its
/// text form (used in failure messages) names each of its four parts and the mixed ε₁ε₂ unit, so a reported counterexample
/// can be read back. Comparison is strict (equal values are not greater), and |x| of a negative hyper-dual number is −x,
/// all four parts negated (|x| = −x on x &lt; 0, so |x|′ = −x′ and |x|″ = −x″).
/// </summary>
public class HyperDualRealExamples
{
    [Fact]
    public void Erf_OverRationalIntervals_HasTheClosedFormDerivatives()
    {
        var x = HyperDualReal<RationalInterval>.Variable(RationalInterval.Exact(0.5), true, true);
        var y = HyperDualReal<RationalInterval>.Erf(x);
        double first = 2 / Math.Sqrt(Math.PI) * Math.Exp(-0.25);
        // 1e-9: the double closed form is within a few ulp, the enclosure's midpoint far closer than 1e-9 to the exact value.
        Assert.Equal(first, y.E1.Midpoint, 1e-9);
        Assert.Equal(first, y.E2.Midpoint, 1e-9);
        Assert.Equal(-2 * 0.5 * first, y.E12.Midpoint, 1e-9);
    }

    [Fact]
    public void Erfc_OverRationalIntervals_HasTheNegatedClosedFormDerivatives()
    {
        var x = HyperDualReal<RationalInterval>.Variable(RationalInterval.Exact(0.25), true, true);
        var y = HyperDualReal<RationalInterval>.Erfc(x);
        double erfPrime = 2 / Math.Sqrt(Math.PI) * Math.Exp(-0.0625);
        // 1e-9 as above: a few ulp in the double closed form, the enclosure far tighter.
        Assert.Equal(-erfPrime, y.E1.Midpoint, 1e-9);
        Assert.Equal(-erfPrime, y.E2.Midpoint, 1e-9);
        Assert.Equal(2 * 0.25 * erfPrime, y.E12.Midpoint, 1e-9);
    }

    [Fact]
    public void Text_ShowsEveryPart()
    {
        var x = new HyperDualReal<Float64>(new Float64(2), new Float64(3), new Float64(5), new Float64(7));
        var text = x.ToString();
        foreach (var part in new[] { 2.0, 3.0, 5.0, 7.0 })
            Assert.Contains(new Float64(part).ToString()!, text, StringComparison.Ordinal);
        Assert.Contains("ε₁ε₂", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GreaterThan_OfEqualValues_IsFalse()
    {
        var a = new HyperDualReal<Float64>(Float64.Of(2), Float64.Of(1), Float64.Of(0), Float64.Of(0));
        var b = new HyperDualReal<Float64>(Float64.Of(2), Float64.Of(5), Float64.Of(3), Float64.Of(1));
        Assert.False(a > b);
        Assert.False(b > a);
        Assert.True(new HyperDualReal<Float64>(Float64.Of(3), Float64.Of(0), Float64.Of(0), Float64.Of(0)) > a);
    }

    [Fact]
    public void Abs_OfANegativeNumber_NegatesEveryPart()
    {
        var x = new HyperDualReal<Float64>(Float64.Of(-2), Float64.Of(3), Float64.Of(-5), Float64.Of(7));
        var abs = HyperDualReal<Float64>.Abs(x);
        Assert.Equal((2.0, -3.0, 5.0, -7.0), (abs.Value.Value, abs.E1.Value, abs.E2.Value, abs.E12.Value));
    }
}
