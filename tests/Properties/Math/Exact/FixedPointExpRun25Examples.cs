using System.Numerics;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// e^x of a rational whose denominator is stored negative (a Fraction built without normalization keeps the signs it is
/// given) is the e^x of its value: the enclosure holds rational bounds from the alternating Taylor series and equals the
/// enclosure of the same value in normal form.
/// </summary>
public class FixedPointExpRun25Examples
{
    [Fact]
    public void Exp_OfOneOverMinusTwo_EnclosesTheExpOfMinusOneHalf()
    {
        var x = new Fraction(BigInteger.One, new BigInteger(-2), normalize: false);
        Assert.True(x.Denominator.Sign < 0); // the negative-denominator path is the one under test
        var e = ExactExp.Of(x, 64);
        // e^(−1/2) = Σ (−1/2)^i/i!, alternating with decreasing terms: 1 − 1/2 + 1/8 − 1/48 = 29/48 < e^(−1/2) < 5/8.
        Assert.True(e.Lower > new Fraction(29, 48));
        Assert.True(e.Upper < new Fraction(5, 8));
        var normal = ExactExp.Of(new Fraction(-1, 2), 64);
        Assert.Equal(normal.Lower, e.Lower);
        Assert.Equal(normal.Upper, e.Upper);
    }

    [Fact]
    public void Exp_OfMinusThreeOverMinusOne_EnclosesTheExpOfThree()
    {
        var x = new Fraction(new BigInteger(-3), BigInteger.MinusOne, normalize: false);
        Assert.True(x.Denominator.Sign < 0);
        var e = ExactExp.Of(x, 64);
        // e³ = Σ 3^i/i! > 1 + 3 + 9/2 + 27/6 + 81/24 = 131/8 (positive terms); e < 2.7183 (Σ_(i≤7) 1/i! plus a tail below
        // (1/8!)/(1 − 1/9)) and 2.7183³ < 20.09.
        Assert.True(e.Lower > new Fraction(131, 8));
        Assert.True(e.Upper < new Fraction(2009, 100));
        var normal = ExactExp.Of(new Fraction(3), 64);
        Assert.Equal(normal.Lower, e.Lower);
        Assert.Equal(normal.Upper, e.Upper);
    }
}
