using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>The change of variables x = (1 − t²)/(c·t²), chosen so that √(1 + c·x) = 1/t exactly (issue "Theorem checking").</summary>
public class CoordinateMapExamples
{
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.5)]
    [InlineData(2, 0.125)]
    [InlineData(3, 1.0)]
    [InlineData(2, 1e-150)]
    public void RationalizedSquareRoot_MakesTheSquareRootExactlyTheReciprocal(int c, double t)
    {
        // 1 + c·x = 1/t² exactly in rationals (t is the exact rational value of the double), a perfect square, so √(1 + c·x)
        // is the exact point 1/t.
        using var _ = EnclosureSettings.Use(128);
        var x = CoordinateMap.RationalizedSquareRoot(c).Apply(RationalInterval.Exact(t));
        var root = RationalInterval.Sqrt(RationalInterval.Exact(1.0) + RationalInterval.Exact((double)c) * x);

        var reciprocal = 1 / ExactDouble.ToFraction(t);
        Assert.Equal(reciprocal, root.Lower);
        Assert.Equal(reciprocal, root.Upper);
    }

    [Fact]
    public void RationalizedSquareRoot_SendsOneToZeroAndHasItsPoleAtZero()
    {
        var map = CoordinateMap.RationalizedSquareRoot(2);

        Assert.Equal(0.0, map.Apply(Float64.Input(1)).Value);
        Assert.Equal(0.0, map.Pole);
        Assert.Equal("y = (1 − s²)/(2s²)", map.Describe("y", "s"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void RationalizedSquareRoot_RejectsAScaleBelowOne(int c)
    {
        var e = Assert.Throws<ArgumentException>(() => CoordinateMap.RationalizedSquareRoot(c));

        Assert.Equal("scale", e.ParamName);
    }

    [Theory]
    [InlineData(1.0, -1.0)]
    [InlineData(0.5, -4.0)]
    [InlineData(0.125, -64.0)]
    public void NegativeInverseSquare_MapsTheUnitIntervalOntoTheNegativeHalfLineBelowMinusOne(double t, double expected)
    {
        // −1/t² exactly (t a power of two): t = 1 is x = −1, t → 0 is x → −∞ (the pole).
        using var _ = EnclosureSettings.Use(128);
        var x = CoordinateMap.NegativeInverseSquare.Apply(RationalInterval.Exact(t));

        Assert.Equal(ExactDouble.ToFraction(expected), x.Lower);
        Assert.Equal(ExactDouble.ToFraction(expected), x.Upper);
        Assert.Equal(0.0, CoordinateMap.NegativeInverseSquare.Pole);
        Assert.Equal("λ = −1/t²", CoordinateMap.NegativeInverseSquare.Describe("λ", "t"));
    }
}
