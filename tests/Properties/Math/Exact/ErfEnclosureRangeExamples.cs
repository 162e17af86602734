using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Verification.Tests.Properties.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// The inputs at which <see cref="ErfEnclosure"/> broke its range or width before stop 34, each checked against the same
/// references as <see cref="ErfEnclosureFullRangeProperties"/>. Each of these failed on the former code (values in the
/// comments).
/// </summary>
public class ErfEnclosureRangeExamples
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// erf(2^-1074) through <see cref="ErfEnclosure.Erf"/>: the ends were rounded to bits + 8 fractional bits, so the lower
    /// end went to 0 and the enclosure was [0, 1.13·2^-61] at 53 bits, relative width 2^1013. Now within (4 + 2^-6)·2^-53.
    /// </summary>
    [Fact]
    public void Erf_OfTheSmallestSubnormal_IsRelativelyNarrow()
    {
        var x = F(double.Epsilon);
        var e = ErfEnclosure.Erf(RationalInterval.Exact(x), 53);
        var reference = ExactErf.ErfPoint(x, 128);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, x, 53), $"{e} misses erf(2^-1074)");
        Assert.True(e.Width <= (4 + new Fraction(1, 64)) * ExactDouble.Pow2(-53) * reference.Lower,
            $"width {ExactDouble.ToDouble(e.Width / reference.Lower):G4} relative");
    }

    /// <summary>
    /// erf(2^-18) at 53 bits: the series stopped at its first term (x³/3 = 2^-55.6 below the absolute 2^-53), a relative
    /// width of 2^-37.6. The cut is now 2^-bits·x, and the width below 2^(2−53)·erf x.
    /// </summary>
    [Fact]
    public void ErfPoint_WhereTheSecondTermIsBelowTwoToTheMinusBits_IsRelativelyNarrow()
    {
        var x = ExactDouble.Pow2(-18);
        var e = ErfEnclosure.ErfPoint(x, 53);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, x, 53), $"{e} misses erf(2^-18)");
        Assert.True(ErfEnclosureFullRangeProperties.HasStatedWidth(e, x, 53, out var why), why);
    }

    /// <summary>
    /// erf(1/2) at 200 bits: π was its first 36 decimals, relative width 2^-117.9, so no precision above about 117 bits was
    /// reached (relative width 2^-118.9 at 200 bits). π now comes from <see cref="ExactConstants.Pi"/> at bits + 8.
    /// </summary>
    [Fact]
    public void ErfPoint_AtTwoHundredBits_IsNotHeldBackByPi()
    {
        var x = new Fraction(1, 2);
        var e = ErfEnclosure.ErfPoint(x, 200);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, x, 200), $"{e} misses erf(1/2)");
        Assert.True(ErfEnclosureFullRangeProperties.HasStatedWidth(e, x, 200, out var why), why);
    }

    /// <summary>
    /// <see cref="ErfReference.Pi"/>, the 36 decimals that the Mills reference above and the tests' ErfReference use,
    /// contains π (Hutton's formula at 200 bits) and is 10^-35 wide, below 3.2·10^-36·π as its doc comment says.
    /// </summary>
    [Fact]
    public void Pi_ContainsPiWithinItsStatedWidth()
    {
        var pi = ErfReference.Pi;
        var reference = ExactConstantsFullRangeProperties.PiReference(200);
        Assert.True(pi.Lower <= reference.Lower && reference.Upper <= pi.Upper, $"{pi} misses π");
        Assert.Equal(new Fraction(1, System.Numerics.BigInteger.Pow(10, 35)), pi.Width);
        Assert.True(pi.Width <= new Fraction(32, 10) * new Fraction(1, System.Numerics.BigInteger.Pow(10, 36)) * reference.Lower);
    }

    /// <summary>
    /// bits above 512 were accepted and silently cut to 512 (a width of 2^-512 at bits = 1000), and ErfPoint checked no
    /// bits at all (bits = 0 divided by zero). Both now reject bits outside [16, 512], naming the range.
    /// </summary>
    [Theory]
    [InlineData(15)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(513)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void BitsOutsideSixteenToFiveHundredTwelve_AreRejected(int bits)
    {
        const string range = "erf is enclosed at 16 to 512 bits";
        ArgumentAssert.Rejects(() => ErfEnclosure.ErfPoint(new Fraction(1, 2), bits), "bits", range);
        ArgumentAssert.Rejects(() => ErfEnclosure.Erf(RationalInterval.Exact(0.5), bits), "bits", range);
    }

    /// <summary>Both ends of the accepted range work: 16 and 512 bits, at x = 1/2 and x = −4.999, within the stated width.</summary>
    [Theory]
    [InlineData(16, 0.5)]
    [InlineData(512, 0.5)]
    [InlineData(16, -4.999)]
    [InlineData(512, -4.999)]
    public void TheEndsOfTheAcceptedRange_GiveTheStatedWidth(int bits, double x)
    {
        var e = ErfEnclosure.ErfPoint(F(x), bits);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, F(x), bits), $"{e} misses erf({x})");
        Assert.True(ErfEnclosureFullRangeProperties.HasStatedWidth(e, F(x), bits, out var why), why);
    }

    /// <summary>
    /// erf(MaxValue): the 40-term tail sum ran on x² ≈ 3.2·10^616, and the lower end 1 − T came back as a fraction of 82 986
    /// bits (denominator) for every later operation to carry. The bound was then taken at min(x, 1024), T &lt; 2^-651 (stop
    /// 34); since stop 35 every x ≥ 64 gets [1 − 2^-1100, 1], as erfc(x) ≤ e^(−4096)/(64√π) &lt; 2^-5915.
    /// </summary>
    [Fact]
    public void ErfPoint_AtMaxValue_HasShortEnds()
    {
        var x = F(double.MaxValue);
        var e = ErfEnclosure.ErfPoint(x, 53);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, x, 53), $"{e} misses erf(MaxValue)");
        Assert.True(ErfEnclosureFullRangeProperties.HasStatedWidth(e, x, 53, out var why), why);
        long length = Math.Max(e.Lower.Denominator.GetBitLength(), e.Lower.Numerator.GetBitLength());
        Assert.True(length <= 2048, $"the lower end has {length} bits");
    }

    /// <summary>
    /// erf(4.9) at 16 bits: the series' enclosure times 2/√π (width 2^-16 relative) reached 1 + 2^-18.1, above erf's range,
    /// and erf(−4.9) below −1. Both ends are now in [−1, 1].
    /// </summary>
    [Fact]
    public void ErfPoint_NearFiveAtSixteenBits_StaysWithinMinusOneAndOne()
    {
        foreach (var x in new[] { 4.9, -4.9, 4.0, 5.0, -5.0 })
        {
            var e = ErfEnclosure.ErfPoint(F(x), 16);
            Assert.True(e.Lower >= -1 && e.Upper <= 1, $"erf({x}) at 16 bits: {e}");
            Assert.True(ErfEnclosureFullRangeProperties.Contains(e, F(x), 16), $"{e} misses erf({x})");
        }
    }

    /// <summary>
    /// Erf on the point just beyond ±5 at 16 to 30 bits (found in review, stop 34): rounding the end outward to bits + 8
    /// significant bits took 5 + 2^-50 to 5 itself, into the series branch, so the width was 2.4e-6 at 16 bits where the
    /// doc comment gave the tail's T &lt; 1.6·10^-12. The end now keeps the bits that hold it beyond 5 (and since stop 35 the
    /// width there is below 2^(8−bits)·erfc(5), under 1.6·10^-12 at every precision).
    /// </summary>
    [Theory]
    [InlineData(16, 1)]
    [InlineData(16, -1)]
    [InlineData(20, 1)]
    [InlineData(30, -1)]
    public void Erf_JustBeyondFive_HasTheTailsWidth(int bits, int sign)
    {
        double x = sign * Math.BitIncrement(5.0);
        var e = ErfEnclosure.Erf(RationalInterval.Exact(F(x)), bits);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, F(x), bits), $"{e} misses erf({x:R})");
        Assert.True(e.Width < new Fraction(16, 10) * new Fraction(1, 1_000_000_000_000), $"width {ExactDouble.ToDouble(e.Width):G4} at {bits} bits");
    }

    /// <summary>
    /// Beyond 5 the enclosure was [1 − T, 1] with Mills' ratio and a 40-term e^(x²): at 5.5 and 200 bits T was 2.3·10^-14,
    /// some 2^-45, where 2^-200 was asked, and its upper end was always 1 (stop 34). Since stop 35, Laplace's continued
    /// fraction brackets erfc(x)·√π·e^(x²): the width is below 2^(1−bits)·erfc(x) (checked against ExactErf's asymptotic
    /// series, another method), and the upper end is below 1, at the precisions the claims use and at the largest one,
    /// just above 5 where the continued fraction converges slowest.
    /// </summary>
    [Theory]
    [InlineData(53, 5.5)]
    [InlineData(200, 5.5)]
    [InlineData(512, 5.000000000000001)]
    [InlineData(512, 63.99)]
    [InlineData(16, 20.0)]
    public void ErfPoint_BeyondFive_IsAsPreciseInErfcAsAsked(int bits, double x)
    {
        var e = ErfEnclosure.ErfPoint(F(x), bits);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, F(x), bits), $"{e} misses erf({x:R})");
        Assert.True(ErfEnclosureFullRangeProperties.HasStatedWidth(e, F(x), bits, out var why), why);
        Assert.True(e.Upper < 1, $"the upper end of erf({x:R}) is 1");
        var mirror = ErfEnclosure.ErfPoint(F(-x), bits);
        Assert.True(mirror.Lower == -e.Upper && mirror.Upper == -e.Lower, $"erf(−{x:R}) is not the mirror");
    }

    /// <summary>
    /// Erf on the point just below ±64 at 16 to 44 bits (found in review, stop 35): rounding the end outward to bits + 8
    /// significant bits took 64 − 2^-47 to 64, where the enclosure is [1 − 2^-1100, 1], so the upper end was 1 and the width
    /// erfc(x) itself, 2^16 times the stated 2^(8−bits)·erfc at 16 bits. The end now stays below 64.
    /// </summary>
    [Theory]
    [InlineData(16, 1)]
    [InlineData(30, -1)]
    [InlineData(44, 1)]
    public void Erf_JustBelowSixtyFour_HasTheStatedWidth(int bits, int sign)
    {
        double x = sign * (64 - Math.ScaleB(1, -47));
        var e = ErfEnclosure.Erf(RationalInterval.Exact(F(x)), bits);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, F(x), bits), $"{e} misses erf({x:R})");
        var erfc = ExactErf.ErfcPoint(F(Math.Abs(x)), bits + 32).Lower;
        Assert.True(e.Width <= ExactDouble.Pow2(8 - bits) * erfc,
            $"width/erfc = {ExactDouble.ToDouble(e.Width / erfc * ExactDouble.Pow2(bits)):G4}·2^-bits at {bits} bits (at most 2^8)");
    }

    /// <summary>
    /// A rational x with a long denominator just above 5 (found in review, stop 35): the continued fraction's integers grow
    /// by x's length at every level, so x = 5 + 2^-4000 took two minutes at 512 bits. x is now rounded outward to bits + 24
    /// significant bits first; the enclosure still contains erf x and has the stated width.
    /// </summary>
    [Fact]
    public void ErfPoint_OfALongRationalAboveFive_HasTheStatedWidth()
    {
        var x = new Fraction(5) + ExactDouble.Pow2(-4000);
        var e = ErfEnclosure.ErfPoint(x, 512);
        Assert.True(ErfEnclosureFullRangeProperties.Contains(e, x, 512), $"{e} misses erf(5 + 2^-4000)");
        Assert.True(ErfEnclosureFullRangeProperties.HasStatedWidth(e, x, 512, out var why), why);
    }
}
