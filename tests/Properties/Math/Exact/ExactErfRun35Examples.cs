using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactErf.ErfPoint"/> is "within about 2^(−bits) absolutely" also at a rational that is not a short dyadic
/// (1/3, −1/5): x is first enclosed by dyadics of bits + 16 bits, so that the slope of erf (at most 2/√π) cannot widen the
/// result beyond the precision asked for. Tolerance: width ≤ 2^(2−bits) (a factor 4 of slack for "about"); an enclosure
/// of x with bits − 16 bits gives a width near 2^(16−bits). The enclosure must contain erf(1/3) = 0.3626481117660629…
/// (a double reference, within 10^-15).
/// </summary>
public class ExactErfRun35Examples
{
    [Theory]
    [InlineData(1, 3, 64)]
    [InlineData(-1, 5, 64)]
    [InlineData(1, 3, 40)]
    public void ErfPoint_OfANonDyadicRational_IsWithinTheRequestedPrecision(int numerator, int denominator, int bits)
    {
        var e = ExactErf.ErfPoint(new Fraction(numerator, denominator), bits);
        Assert.True(e.Lower <= e.Upper);
        Assert.True(e.Width <= ExactDouble.Pow2(2 - bits), $"width {ExactDouble.ToDouble(e.Width)} at bits = {bits}");
    }

    [Fact]
    public void ErfPoint_OfOneThird_EnclosesTheReference()
    {
        var e = ExactErf.ErfPoint(new Fraction(1, 3), 64);
        var reference = ExactDouble.ToFraction(0.36264811176606293);
        var slack = ExactDouble.ToFraction(1e-15);
        Assert.True(e.Lower <= reference + slack && reference - slack <= e.Upper);
    }
}
