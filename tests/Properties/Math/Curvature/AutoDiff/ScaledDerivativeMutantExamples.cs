using Verification.Numerics;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// A scaled derivative v applied to an overflowed factor x = ±∞ gives the limit of v·x: ±∞ with the product's sign for
/// v ≠ 0, 0 for v = 0 (a zero value, not NaN), and NaN for x = NaN. A product with a zero factor is 0 and, as its
/// documented <c>IsNormal</c> says for a value that is a normal double or 0, usable as is by the plain formula.
/// </summary>
public class ScaledDerivativeMutantExamples
{
    [Fact]
    public void Apply_ToAnInfiniteFactor_TakesTheProductsSign()
    {
        Assert.Equal(double.PositiveInfinity, ScaledDerivative.Of(2).Apply(double.PositiveInfinity, "x"));
        Assert.Equal(double.NegativeInfinity, ScaledDerivative.Of(-2).Apply(double.PositiveInfinity, "x"));
        Assert.Equal(double.NegativeInfinity, ScaledDerivative.Of(2).Apply(double.NegativeInfinity, "x"));
        Assert.Equal(double.PositiveInfinity, ScaledDerivative.Of(-2).Apply(double.NegativeInfinity, "x"));
    }

    [Fact]
    public void Apply_OfZeroToAnInfiniteFactor_IsZero() => Assert.Equal(0.0, ScaledDerivative.Of(0).Apply(double.PositiveInfinity, "x"));

    [Fact]
    public void Apply_ToNaN_IsNaN() => Assert.True(double.IsNaN(ScaledDerivative.Of(2).Apply(double.NaN, "x")));

    [Fact]
    public void Apply_ToAFiniteFactor_IsTheProduct() => Assert.Equal(-6.0, ScaledDerivative.Of(-2).Apply(3, "x"));

    [Theory]
    [InlineData(0.0, 3.0)]
    [InlineData(3.0, 0.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.0, 1e-310)]
    public void Product_WithAZeroFactor_IsANormalZero(double a, double b)
    {
        var product = ScaledDerivative.Of(a) * ScaledDerivative.Of(b);
        Assert.True(product.IsNormal, $"{a:R}·{b:R} not marked normal");
        Assert.Equal(0.0, product.Value);
    }
    /// <summary>
    /// A value of magnitude exactly 1 times an overflowed factor is ±∞ (the exact product is as far beyond the range as the
    /// factor); only a value below 1 in magnitude may bring it back and is rejected, as Apply documents.
    /// </summary>
    [Fact]
    public void Apply_OfAUnitValueToAnInfiniteFactor_IsInfinite()
    {
        Assert.Equal(double.PositiveInfinity, ScaledDerivative.Of(1).Apply(double.PositiveInfinity, "x"));
        Assert.Equal(double.NegativeInfinity, ScaledDerivative.Of(-1).Apply(double.PositiveInfinity, "x"));
        Assert.Equal(double.PositiveInfinity, ScaledDerivative.Of(-1).Apply(double.NegativeInfinity, "x"));
        Assert.Throws<DoubleRangeException>(() => ScaledDerivative.Of(Math.BitDecrement(1.0)).Apply(double.PositiveInfinity, "x"));
    }
}
