using System.Numerics;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Exact;

/// <summary>
/// Every guard of <see cref="ExactExp"/> (issue 15, item 1): x finite with |x| ≤ 4096 (as a double and as a fraction) and
/// at least 16 bits. Both sides of each boundary; an accepted enclosure is checked against e^x's bounds 2^(x/ln 2).
/// </summary>
public sealed class ExactRejectionExamples
{
    [Fact]
    public void Of_RejectsANonFiniteX()
    {
        ArgumentAssert.Rejects(() => ExactExp.Of(double.NaN), "x", "x must be finite, got NaN");
        ArgumentAssert.Rejects(() => ExactExp.Of(double.NegativeInfinity), "x", "x must be finite");
    }

    /// <summary>
    /// |x| ≤ 4096: the next doubles beyond ±4096 are rejected; e^4096 = 2^5909.4… lies in (2^5909, 2^5910) and e^-4096 in
    /// (2^-5910, 2^-5909), so an enclosure that contains it must meet those intervals.
    /// </summary>
    [Fact]
    public void Of_RejectsAnArgumentBeyond4096()
    {
        ArgumentAssert.Rejects(() => ExactExp.Of(Math.BitIncrement(4096.0)), "x", "|x| must be ≤ 4096, got 4096.");
        ArgumentAssert.Rejects(() => ExactExp.Of(-Math.BitIncrement(4096.0)), "x", "|x| must be ≤ 4096, got -4096.");
        var big = ExactExp.Of(4096);
        var low = new Fraction(BigInteger.Pow(2, 5909));
        Assert.True(big.Upper > low && big.Lower < 2 * low, $"[{big.Lower}, {big.Upper}]");
        var small = ExactExp.Of(-4096);
        var tiny = new Fraction(BigInteger.One, BigInteger.Pow(2, 5910));
        Assert.True(small.Upper > tiny && small.Lower < 2 * tiny);
        Assert.True(small.Lower <= small.Upper);
    }

    [Fact]
    public void OfFraction_RejectsFewerThan16BitsAndAnArgumentBeyond4096()
    {
        ArgumentAssert.Rejects(() => ExactExp.Of(Fraction.One, 15), "bits", "bits must be ≥ 16, got 15");
        ArgumentAssert.Rejects(() => ExactExp.Of(new Fraction(4097), 64), "x", "|x| must be ≤ 4096.");
        ArgumentAssert.Rejects(() => ExactExp.Of(new Fraction(-4097), 64), "x", "|x| must be ≤ 4096.");
        var e = ExactExp.Of(Fraction.One, 16); // e = 2.71828…: any enclosure at 16 bits lies within [2.7, 2.72]
        Assert.True(e.Lower <= e.Upper && e.Lower > new Fraction(27, 10) && e.Upper < new Fraction(272, 100), $"[{e.Lower}, {e.Upper}]");
        var edge = ExactExp.Of(new Fraction(4096), 64);
        Assert.True(edge.Upper > new Fraction(BigInteger.Pow(2, 5909)));
    }
}
