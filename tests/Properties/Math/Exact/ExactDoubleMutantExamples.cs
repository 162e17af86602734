using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactDouble"/>: ulp(x) is the gap from |x| to the next double up (2^(⌊log₂|x|⌋ − 52), and 2^-1074 for
/// subnormals and 0), compared with Math.BitIncrement, an independent source; a rational that is not finite (Fractions'
/// ±∞ and NaN, denominator 0) cannot be rounded to a double and is rejected naming value; ⌊log₂ x⌋ has no value at
/// x = 0 and is rejected naming x, while at 1 and ¾ it is 0 and −1.
/// </summary>
public class ExactDoubleMutantExamples
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(-0.1)]
    [InlineData(1e300)]
    [InlineData(2.2250738585072014e-308)] // 2^-1022, the smallest normal
    [InlineData(1e-310)]                  // subnormal
    [InlineData(double.Epsilon)]
    [InlineData(0.0)]
    public void UnitInLastPlace_IsTheGapToTheNextDouble(double x)
    {
        double a = Math.Abs(x);
        var gap = ExactDouble.ToFraction(Math.BitIncrement(a)) - ExactDouble.ToFraction(a);
        Assert.Equal(gap, ExactDouble.UnitInLastPlace(ExactDouble.ToFraction(x)));
    }

    [Fact]
    public void UnitInLastPlace_OfOne_IsTwoToTheMinus52()
    {
        Assert.Equal(new Fraction(1, 1L << 52), ExactDouble.UnitInLastPlace(Fraction.One));
    }

    [Fact]
    public void ToDouble_OfARationalThatIsNotFinite_IsRejected()
    {
        foreach (var value in new[] { Fraction.PositiveInfinity, Fraction.NegativeInfinity, Fraction.NaN })
            ArgumentAssert.Rejects(() => ExactDouble.ToDouble(value), "value", "not a finite rational");
    }

    [Fact]
    public void FloorLog2_OfZero_IsRejected()
    {
        ArgumentAssert.Rejects(() => ExactDouble.FloorLog2(Fraction.Zero), "x", "x must be positive");
        Assert.Equal((0, -1), (ExactDouble.FloorLog2(Fraction.One), ExactDouble.FloorLog2(new Fraction(3, 4))));
    }

    /// <summary>
    /// UlpError is the distance in ulps to the farther end of the enclosure (the worst case over the exact value's
    /// possible positions): 1 against [1, 1 + 4·2^-52] is 4 ulps from the upper end, though it is the lower end itself, and
    /// symmetrically. Until stop 47 only enclosures of width 0 were used in tests (max → min survived run 47).
    /// </summary>
    [Fact]
    public void UlpError_IsTheDistanceToTheFartherEndOfTheEnclosure()
    {
        double top = 1 + 4 * Math.ScaleB(1.0, -52);
        var exact = new RationalInterval(Fraction.One, ExactDouble.ToFraction(top));
        Assert.Equal(4.0, ExactDouble.UlpError(1.0, exact));
        Assert.Equal(4.0, ExactDouble.UlpError(top, exact));
        Assert.Equal(2.0, ExactDouble.UlpError(1 + 2 * Math.ScaleB(1.0, -52), exact));
    }
}
