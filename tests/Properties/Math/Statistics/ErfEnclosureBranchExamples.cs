using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="ErfEnclosure.Erf"/> contains erf over the whole interval also where the ends are not dyadic and are rounded
/// before the series: a lower end just above the dyadic 1/2 (x = 1/2 + 2^−40 at 16 bits, ends rounded to 24 fractional
/// bits) and an upper end just below 3/4, and ends on either side of 0 (±2^−40), whose rounding toward 0 would give the
/// exact erf(0) = 0 and leave out erf(±2^−40) ≠ 0. The reference is <see cref="ExactErf"/> (a separate series) at 200 bits.
/// </summary>
public class ErfEnclosureBranchExamples
{
    [Fact]
    public void EndsJustOffADyadic_AreStillEnclosed()
    {
        var low = new Fraction(1, 2) + new Fraction(1, 1L << 40);
        var high = new Fraction(3, 4) - new Fraction(1, 1L << 40);
        var enclosure = ErfEnclosure.Erf(new RationalInterval(low, high), 16);
        var erfLow = ExactErf.ErfPoint(low, 200);
        var erfHigh = ExactErf.ErfPoint(high, 200);
        Assert.True(enclosure.Lower <= erfLow.Lower, $"lower end {enclosure.Lower.ToDouble()} above erf(low) {erfLow.Lower.ToDouble()}");
        Assert.True(enclosure.Upper >= erfHigh.Upper, $"upper end {enclosure.Upper.ToDouble()} below erf(high) {erfHigh.Upper.ToDouble()}");
    }

    [Fact]
    public void EndsJustAroundZero_AreStillEnclosed()
    {
        var tiny = new Fraction(1, 1L << 40);
        var enclosure = ErfEnclosure.Erf(new RationalInterval(-tiny, tiny), 16);
        var erfTiny = ExactErf.ErfPoint(tiny, 200);
        Assert.True(enclosure.Lower <= -erfTiny.Upper, $"lower end {enclosure.Lower.ToDouble()} above erf(−2^−40)");
        Assert.True(enclosure.Upper >= erfTiny.Upper, $"upper end {enclosure.Upper.ToDouble()} below erf(2^−40)");
    }
}
