using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactErf.ErfPoint"/> at x = 4 with a coarse precision (8 bits): the Maclaurin series of erf has terms
/// 16ⁿ/n!, which grow up to n = 16 and only fall below 2^-16 near n = 50, so the series must be allowed about e·x² + bits
/// terms before it is declared undecided. The enclosure must hold erf 4 and be at most 2^-8 wide (its documented
/// absolute precision). Reference: the asymptotic series of erfc (balles-thesis uses erf for the variance adaptation
/// factor) is alternating with decreasing terms at x = 4, so e^(−16)/(4√π)·(1 − 1/32) &lt; erfc 4 &lt; e^(−16)/(4√π),
/// a bracket about 5·10⁻¹⁰ wide, far from any rounding of the doubles used to evaluate it.
/// </summary>
public class ExactErfRun26Examples
{
    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void ErfPoint_AtFour_WithFewBits_EnclosesErfWithinTheRequestedPrecision(int bits)
    {
        var enclosure = ExactErf.ErfPoint(new Fraction(4), bits);
        double leading = Math.Exp(-16) / (4 * Math.Sqrt(Math.PI));
        // erf 4 = 1 − erfc 4 lies in (1 − leading, 1 − leading·31/32); each end is off by a few 2^-53 in doubles, far
        // inside the bracket's width of leading/32 ≈ 5e-10, so the bracket below still holds erf 4.
        double erfBelow = 1 - leading, erfAbove = 1 - leading * 31 / 32;
        Assert.True(enclosure.Lower <= Fraction.FromDouble(erfAbove), $"lower end {enclosure.Lower} is above erf 4 < {erfAbove:R}");
        Assert.True(enclosure.Upper >= Fraction.FromDouble(erfBelow), $"upper end {enclosure.Upper} is below erf 4 > {erfBelow:R}");
        var width = enclosure.Upper - enclosure.Lower;
        Assert.True(width <= new Fraction(1, 1 << bits), $"width {width.ToDouble():R} exceeds 2^-{bits}");
    }
}
