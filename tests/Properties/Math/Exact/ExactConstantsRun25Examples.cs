using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// The enclosures of π (Machin's series) and of atanh z (the series behind ln 2 and ln x) contain the true value at every
/// precision of a range, checked against references computed here by other series: π = 4·(atan ½ + atan ⅓) (Euler's
/// formula) and ln 2 = Σ_(k≥1) 1/(k·2^k) = 2·atanh ⅓. Which side of a partial sum an alternating or one-signed remainder
/// lies on decides whether the enclosure holds the value, and at some precisions the final outward rounding does not
/// hide a wrong side, so a range of precisions is checked rather than one. The atanh enclosure is also odd in z, as
/// its series, its remainder bound (|z|^(2N+3)/((2N+3)(1 − z²)), of the sign of z) and the outward rounding are.
/// </summary>
public class ExactConstantsRun25Examples
{
    // The references carry 1400 fractional bits, well beyond the 2^(−400) resolution of the precisions checked, so an
    // enclosure that misses the value misses the reference interval too.
    private const int ReferenceBits = 1400;

    private static readonly RationalInterval PiReference = EnclosePiByEuler(ReferenceBits);
    private static readonly RationalInterval Ln2Reference = EncloseLn2ByBinarySeries(ReferenceBits);

    [Fact]
    public void References_AreTightAndAgreeWithTheDoubles()
    {
        // Guards the references themselves: each is narrower than 2^(−1380) and holds the nearest double's neighbourhood
        // (the doubles are within half an ulp, < 2^(−51) for both values).
        Assert.True(PiReference.Width < ExactDouble.Pow2(-1380));
        Assert.True(Ln2Reference.Width < ExactDouble.Pow2(-1380));
        Assert.True(Fraction.Abs(PiReference.Lower - ExactDouble.ToFraction(Math.PI)) < ExactDouble.Pow2(-50));
        Assert.True(Fraction.Abs(Ln2Reference.Lower - ExactDouble.ToFraction(Math.Log(2))) < ExactDouble.Pow2(-51));
    }

    [Fact]
    public void Pi_ContainsPi_AtEveryPrecisionFrom16To1000WherePiLiesNearTheRoundingGrid()
    {
        // Pi(bits) rounds Machin's enclosure outward to bits + 4 significant bits, a grid of step 2^(−bits−2) near π, and
        // the series' remainders (at most 20·2^(−bits−12)) are far smaller than a step. Only where π lies within 1/32 of
        // a step from a grid point does the side on which each remainder is placed decide whether π stays inside, so
        // those precisions (about one in sixteen) are the ones checked; the reference decides which they are.
        int checkedPrecisions = 0;
        for (int bits = 16; bits <= 1000; bits++)
        {
            var scaled = PiReference.Lower * ExactDouble.Pow2(bits + 2);
            var fraction = scaled - new Fraction(BigInteger.Divide(scaled.Numerator, scaled.Denominator));
            if (fraction > new Fraction(1, 32) && fraction < new Fraction(31, 32))
                continue;
            checkedPrecisions++;
            var pi = ExactConstants.Pi(bits);
            Assert.True(Encloses(pi, PiReference), $"Pi({bits}) = [{pi.Lower}, {pi.Upper}] misses π.");
        }
        Assert.InRange(checkedPrecisions, 30, 100); // about 985/16 ≈ 62 expected; guards the selection itself
    }

    [Fact]
    public void Ln2_ContainsLn2_AtEveryPrecisionFrom16To200()
    {
        for (int bits = 16; bits <= 200; bits++)
        {
            var ln2 = ExactConstants.Ln2(bits);
            Assert.True(Encloses(ln2, Ln2Reference), $"Ln2({bits}) = [{ln2.Lower}, {ln2.Upper}] misses ln 2.");
        }
    }

    [Fact]
    public void AtanhOfAThird_ContainsHalfOfLn2_AtEveryPrecisionFrom16To400()
    {
        var halfLn2 = Ln2Reference * RationalInterval.Exact(new Fraction(1, 2));
        for (int bits = 16; bits <= 400; bits++)
        {
            var atanh = ExactConstants.AtanhOfRational(new Fraction(1, 3), bits);
            Assert.True(Encloses(atanh, halfLn2), $"atanh(1/3) at {bits} bits = [{atanh.Lower}, {atanh.Upper}] misses ln 2 / 2.");
        }
    }

    [Fact]
    public void AtanhOfMinusAThird_ContainsMinusHalfOfLn2_AtEveryPrecisionFrom16To400()
    {
        var minusHalfLn2 = Ln2Reference * RationalInterval.Exact(new Fraction(-1, 2));
        for (int bits = 16; bits <= 400; bits++)
        {
            var atanh = ExactConstants.AtanhOfRational(new Fraction(-1, 3), bits);
            Assert.True(Encloses(atanh, minusHalfLn2), $"atanh(−1/3) at {bits} bits = [{atanh.Lower}, {atanh.Upper}] misses −ln 2 / 2.");
        }
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1, 2)]
    [InlineData(1, 5)]
    [InlineData(3, 7)]
    [InlineData(1, 1000)]
    public void AtanhOfRational_IsOdd_EndForEnd(int numerator, int denominator)
    {
        // atanh(−z) = −atanh(z), and the enclosure of −z is the mirror image of that of z: the partial sums change sign,
        // the remainder bound depends on |z| only and lies on the side of the sign of z, and rounding down −q gives minus
        // rounding q up.
        var z = new Fraction(numerator, denominator);
        foreach (int bits in new[] { 16, 53, 100, 257 })
        {
            var positive = ExactConstants.AtanhOfRational(z, bits);
            var negative = ExactConstants.AtanhOfRational(-z, bits);
            Assert.Equal(-positive.Upper, negative.Lower);
            Assert.Equal(-positive.Lower, negative.Upper);
        }
    }

    /// <summary>a contains all of the reference b (b is far narrower than a: its width is below 2^-1380).</summary>
    private static bool Encloses(RationalInterval a, RationalInterval b) => a.Lower <= b.Lower && b.Upper <= a.Upper;

    /// <summary>
    /// 2^P·atan(1/q) enclosed in integers: the alternating terms 2^P/((2n+1)·q^(2n+1)) decrease, each is floored (an
    /// error in [0, 1) units), and the sum stops at the first term that floors to 0, whose true value (&lt; 1 unit) bounds
    /// the remainder. With n terms added, the value lies within n + 1 units of the sum.
    /// </summary>
    private static (BigInteger Low, BigInteger High) ScaledAtanOfReciprocal(int q, int precisionBits)
    {
        var one = BigInteger.One << precisionBits;
        var sum = BigInteger.Zero;
        BigInteger qPower = q;
        int n = 0;
        while (true)
        {
            var term = one / ((2 * n + 1) * qPower);
            if (term.IsZero)
                break;
            sum += n % 2 == 0 ? term : -term;
            qPower *= q * q;
            n++;
        }
        return (sum - n - 1, sum + n + 1);
    }

    /// <summary>π = 4·(atan ½ + atan ⅓), as an interval of width 8·(n₂ + n₃ + 2) units of 2^(−P).</summary>
    private static RationalInterval EnclosePiByEuler(int precisionBits)
    {
        var (lowHalf, highHalf) = ScaledAtanOfReciprocal(2, precisionBits);
        var (lowThird, highThird) = ScaledAtanOfReciprocal(3, precisionBits);
        var scale = BigInteger.One << precisionBits;
        return new RationalInterval(new Fraction(4 * (lowHalf + lowThird), scale), new Fraction(4 * (highHalf + highThird), scale));
    }

    /// <summary>
    /// ln 2 = −ln(1 − ½) = Σ_(k≥1) 1/(k·2^k), positive terms: the first P, each floored (an error in [0, 1) units), and the
    /// tail Σ_(k&gt;P) 2^P/(k·2^k) ≤ 2^P/((P + 1)·2^P) &lt; 1 unit, so 2^P·ln 2 lies in [S, S + P + 1].
    /// </summary>
    private static RationalInterval EncloseLn2ByBinarySeries(int precisionBits)
    {
        var sum = BigInteger.Zero;
        for (int k = 1; k <= precisionBits; k++)
            sum += (BigInteger.One << (precisionBits - k)) / k;
        var scale = BigInteger.One << precisionBits;
        return new RationalInterval(new Fraction(sum, scale), new Fraction(sum + precisionBits + 1, scale));
    }
}
