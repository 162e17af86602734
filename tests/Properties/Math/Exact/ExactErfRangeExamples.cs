using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// Two defects of <see cref="ExactErf"/> found at stop 35, when it became the reference for <see cref="ErfEnclosure"/>'s
/// continued fraction beyond 5; each example fails on the old code.
/// </summary>
public sealed class ExactErfRangeExamples
{
    /// <summary>
    /// The Maclaurin sum tracked its rounding error E_n ≤ E_(n−1)·x²/n + 1 in doubles. E_n grows like e^(x²), so from x² ≈ 710
    /// on it overflowed to ∞ and BigInteger(∞) threw an OverflowException, not an ArgumentException: erf(44.03…) at 4096
    /// bits, where the sum is used (1.44·x² &lt; bits + 24). The error is now an integer, rounded up. The enclosure must agree
    /// with erfc's asymptotic series (another path, at 200 bits) and be as narrow as asked.
    /// </summary>
    [Theory]
    [InlineData(44.03414284718882, 4096)]
    [InlineData(27.0, 1200)]
    public void ErfPoint_WhereTheSumsErrorExceedsTheDoubleRange_EnclosesErf(double x, int bits)
    {
        var a = ExactDouble.ToFraction(x);
        var erf = ExactErf.ErfPoint(a, bits);
        var viaErfc = RationalInterval.Exact(Fraction.One) - ExactErf.ErfcPoint(a, 200);
        Assert.True(erf.Lower <= viaErfc.Upper && viaErfc.Lower <= erf.Upper, $"erf({x:R}) at {bits} bits misses 1 − erfc");
        Assert.True(erf.Width <= ExactDouble.Pow2(8 - bits), $"erf({x:R}) at {bits} bits is 2^{ExactDouble.FloorLog2(erf.Width)} wide");
    }

    /// <summary>
    /// erfc for 63.25 &lt; x ≤ 64 was the constant [0, 2^-5770] (the cut was x² &gt; 4000 as a double), though
    /// <see cref="ExactExp"/> encloses e^(−x²) up to x² = 4096 and the asymptotic series holds there. It is now relatively
    /// tight, and agrees with <see cref="ErfEnclosure"/>'s continued fraction (another method): erfc(63.9) ≈ 2^-5896.
    /// </summary>
    [Fact]
    public void ErfcPoint_BelowSixtyFour_IsRelativelyTight()
    {
        var x = ExactDouble.ToFraction(63.9);
        var erfc = ExactErf.ErfcPoint(x, 53);
        Assert.True(erfc.Lower.Sign() > 0, "erfc(63.9) has no positive lower end");
        Assert.True(erfc.Width <= ExactDouble.Pow2(-45) * erfc.Lower, "erfc(63.9) is not relatively tight");
        var continued = RationalInterval.Exact(Fraction.One) - ErfEnclosure.ErfPoint(x, 53);
        Assert.True(erfc.Lower <= continued.Upper && continued.Lower <= erfc.Upper, "erfc(63.9) disagrees with the continued fraction");
    }
}
