using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactLog.Of(Fraction, int)"/> at the ends of its documented precision range [16, 65536]. It took ln 2 at
/// bits + 16 and atanh at bits + 4 through the public, checked entries, so every bits above 65520 was rejected with a
/// message naming the inner precision (found at stop 34), and bits below 16 were not checked at all.
/// </summary>
public class ExactLogRangeExamples
{
    /// <summary>
    /// ln 3 at 65536 bits: ExactLog takes 3 = (3/2)·2, so ln 2 + 2·atanh(1/5); the reference is 2·atanh(1/2), a different
    /// argument of the same series. Both contain ln 3, so they meet, and ExactLog's width is within its documented
    /// 2^-65536·max(1, |ln 3|) (a few units of the last bit kept, bits + 8).
    /// </summary>
    [Fact]
    public void Of_AtTheTopOfItsRange_ContainsTheLogarithm()
    {
        var log = ExactLog.Of(new Fraction(3), 65536);
        var reference = RationalInterval.Exact(new Fraction(2)) * ExactConstants.AtanhOfRational(new Fraction(1, 2), 65536);
        Assert.True(log.Lower <= reference.Upper && reference.Lower <= log.Upper, "ExactLog.Of(3, 65536) misses 2·atanh(1/2)");
        Assert.True(log.Width <= ExactDouble.Pow2(-65536) * new Fraction(11, 10), "ExactLog.Of(3, 65536) is too wide");
    }

    [Theory]
    [InlineData(15)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65537)]
    [InlineData(int.MaxValue)]
    public void Of_OutsideItsPrecisionRange_IsRejectedNamingBits(int bits) =>
        ArgumentAssert.Rejects(() => ExactLog.Of(new Fraction(3), bits), "bits", "bits must be in [16, 65536], got " + bits);
}
