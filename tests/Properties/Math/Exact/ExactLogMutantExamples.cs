using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactLog"/>: the enclosure of ln x contains ln x (checked through e^lower ≤ x ≤ e^upper with
/// <see cref="ExactExp"/>) and is as narrow as documented, about 2^-bits·max(1, |ln x|); an interval with a point ≤ 0 (0
/// itself included) is rejected with the interval's own message.
/// </summary>
public class ExactLogMutantExamples
{
    [Theory]
    [InlineData(3, 1, 64)]
    [InlineData(1, 1000, 64)]
    [InlineData(1000001, 1, 80)]
    public void Enclosure_ContainsLnXAndHasTheDocumentedWidth(long numerator, long denominator, int bits)
    {
        var x = new Fraction(numerator, denominator);
        var ln = ExactLog.Of(x, bits);
        Assert.True(ExactExp.Of(ln.Lower, bits + 64).Upper <= x, "e^lower > x");
        Assert.True(ExactExp.Of(ln.Upper, bits + 64).Lower >= x, "e^upper < x");
        // "About 2^-bits·max(1, |ln x|)": allow a factor 4 for the outward roundings of the sum (each end moves by at most
        // 2^-(bits+7)·|ln x|) and of k·ln 2 and 2·atanh (each within 2^-bits).
        double lnX = Math.Abs(Math.Log((double)numerator / denominator));
        var bound = ExactDouble.Pow2(2 - bits) * ExactDouble.ToFraction(Math.Max(1, lnX));
        Assert.True(ln.Width <= bound, $"width {ExactDouble.ToDouble(ln.Width):R} > {ExactDouble.ToDouble(bound):R}");
    }

    [Fact]
    public void IntervalFromZero_IsRejectedAsHavingAPointAtMostZero()
    {
        ArgumentAssert.Rejects(() => ExactLog.Of(new RationalInterval(Fraction.Zero, Fraction.One), 64), "x", "every point of x > 0");
        ArgumentAssert.Rejects(() => ExactLog.Of(new RationalInterval(new Fraction(-1), Fraction.One), 64), "x", "every point of x > 0");
    }
}
