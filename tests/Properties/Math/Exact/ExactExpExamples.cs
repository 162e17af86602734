using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>Hand-picked arguments of <see cref="ExactExp"/>: exact points, the ends of its range, and bad input.</summary>
public class ExactExpExamples
{
    [Fact]
    public void AtZero_IsExactlyOne()
    {
        var e = ExactExp.Of(Fraction.Zero, 64);
        Assert.Equal(Fraction.One, e.Lower);
        Assert.Equal(Fraction.One, e.Upper);
    }

    /// <summary>
    /// e^(±4096) and e^(±1/3): the enclosure must separate e^x from its neighbours at the stated width, checked with an
    /// independent fact: ln of each endpoint (ExactLog, atanh series and ln 2) lies on the correct side of x.
    /// </summary>
    [Theory]
    [InlineData(4096, 1, 64)]
    [InlineData(-4096, 1, 64)]
    [InlineData(1, 3, 128)]
    [InlineData(-1, 3, 128)]
    [InlineData(2845, 7, 96)]
    public void LogOfTheEndpoints_BracketsTheArgument(int p, int q, int bits)
    {
        var x = new Fraction(p, q);
        var e = ExactExp.Of(x, bits);
        Assert.True(ExactLog.Of(e.Lower, bits + 32).Upper <= x, $"ln(lower) not ≤ {x}: {e}");
        Assert.True(x <= ExactLog.Of(e.Upper, bits + 32).Lower, $"ln(upper) not ≥ {x}: {e}");
        Assert.True(e.Width <= e.Lower * ExactDouble.Pow2(-bits), $"relative width above 2^-{bits}: {e}");
    }

    [Fact]
    public void BadInput_IsRejected_NamingTheParameter()
    {
        Assert.Equal("bits", Assert.Throws<ArgumentException>(() => ExactExp.Of(Fraction.One, 15)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ExactExp.Of(new Fraction(4097), 64)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ExactExp.Of(new Fraction(-40961, 10), 64)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ExactExp.Of(double.PositiveInfinity)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ExactExp.Of(double.NaN)).ParamName);
    }
}
