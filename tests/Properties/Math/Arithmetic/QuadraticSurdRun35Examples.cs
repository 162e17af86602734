using Fractions;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="QuadraticSurd"/>: the exact sign of a + b·√D where a and b have opposite signs, decided by a² against b²D
/// (by hand: 3 − √8 &gt; 0 as 9 &gt; 8, 3 − √10 &lt; 0 as 9 &lt; 10, 3 − √9 = 0 although r stays a symbol, and the same with
/// both signs flipped); |x| built on that sign (|3 − √2| = 3 − √2, |1 − √2| = √2 − 1); log is not exact in a + b·√D and
/// says so; a value that involves r used where no √ fixed D (carried out of its point's scope) is refused saying why.
/// </summary>
public sealed class QuadraticSurdRun35Examples
{
    [Theory]
    [InlineData(8, 1)]
    [InlineData(9, 0)]
    [InlineData(10, -1)]
    public void Sign_OfOppositeSignedParts_ComparesTheSquares(int radicand, int signOfThreeMinusRoot)
    {
        using var scope = QuadraticSurd.Track();
        var r = QuadraticSurd.Sqrt(radicand);
        QuadraticSurdRun33Examples.AssertParts(0, 1, r);
        Assert.Equal(signOfThreeMinusRoot, QuadraticSurd.Sign(3 - r));
        Assert.Equal(-signOfThreeMinusRoot, QuadraticSurd.Sign(r - 3));
        Assert.Equal(signOfThreeMinusRoot >= 0, 3 - r >= QuadraticSurd.Of(0));
    }

    [Fact]
    public void Abs_NegatesExactlyTheNegativeValues()
    {
        using var scope = QuadraticSurd.Track();
        var r = QuadraticSurd.Sqrt(2);
        QuadraticSurdRun33Examples.AssertParts(3, -1, QuadraticSurd.Abs(3 - r));  // 3 − √2 > 0
        QuadraticSurdRun33Examples.AssertParts(-1, 1, QuadraticSurd.Abs(1 - r));  // 1 − √2 < 0: |·| = √2 − 1
        QuadraticSurdRun33Examples.AssertParts(-1, 1, QuadraticSurd.Abs(r - 1));
        QuadraticSurdRun33Examples.AssertParts(2, 0, QuadraticSurd.Abs(-2));
    }

    [Fact]
    public void Log_IsInexact_AndSaysSo()
    {
        var log = QuadraticSurd.Log(2);
        Assert.True(log.IsInexact);
        var e = Assert.Throws<NotRationalException>(() => log.Parts);
        Assert.Contains("log", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueWithR_UsedWhereNoRadicandIsFixed_IsRefusedSayingWhy()
    {
        QuadraticSurd r;
        using (QuadraticSurd.Track())
            r = QuadraticSurd.Sqrt(2);
        using (QuadraticSurd.Track())
        {
            var e = Assert.Throws<InvalidOperationException>(() => r * r);
            Assert.Contains("before any √ fixed D", e.Message, StringComparison.Ordinal);
        }
    }
}
