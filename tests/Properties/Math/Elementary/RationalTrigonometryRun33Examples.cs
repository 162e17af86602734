using Fractions;
using Verification.Numerics.Elementary;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elementary;

/// <summary>
/// cos and sin of a rational point keep at least <c>bits</c> significant bits (the class documents "about bits
/// significant bits"): the enclosure's width is at most 2^-bits·|value| (mutation run 32: the final outward rounding to
/// bits + 8 bits was never measured). cos and sin of 1, 3 and −5 are irrational, so an outward rounding to k bits leaves
/// a width of at least one grid step 2^(⌊log₂|value|⌋ − k + 1); rounding to bits − 8 bits would make it more than 2^(8 − bits)
/// times |value|, far above the bound.
/// </summary>
public sealed class RationalTrigonometryRun33Examples
{
    [Theory]
    [InlineData(1, 20)]
    [InlineData(1, 53)]
    [InlineData(3, 53)]
    [InlineData(-5, 64)]
    public void CosAndSin_OfAPoint_HaveAtLeastBitsSignificantBits(int point, int bits)
    {
        var x = RationalInterval.Exact(new Fraction(point));
        foreach (var (name, value) in new[] { ("cos", RationalTrigonometry.Cos(x, bits)), ("sin", RationalTrigonometry.Sin(x, bits)) })
        {
            Fraction low = Fraction.Abs(value.Lower), high = Fraction.Abs(value.Upper);
            var smallest = low <= high ? low : high;
            Assert.True(value.Lower.Sign() == value.Upper.Sign(), $"{name} {point} ⊂ {value} should not contain 0");
            Assert.True(value.Width <= ExactDouble.Pow2(-bits) * smallest,
                $"{name} {point} ⊂ {value}: width {ExactDouble.ToDouble(value.Width):R} above 2^-{bits}·|{name} {point}|");
        }
    }
}
