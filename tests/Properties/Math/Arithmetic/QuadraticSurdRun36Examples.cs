using Fractions;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="QuadraticSurd"/> a + b·√D: the strict order x &gt; y is the exact sign of x − y (1 + √2 &gt; 2 since
/// √2 &gt; 1; 2 &gt; 1 + √2 and x &gt; x are false; 1 &gt; 2 is false); division by an exact 0 throws
/// DivideByZeroException saying so; a product with a rational factor (b₂ = 0) needs no D, since b₁b₂D = 0: it stays
/// exact even where no √ has fixed D yet (a nested point scope).
/// </summary>
public sealed class QuadraticSurdRun36Examples
{
    [Fact]
    public void StrictOrder_IsTheSignOfTheDifference()
    {
        using var scope = QuadraticSurd.Track();
        var r = QuadraticSurd.Sqrt(2);
        Assert.True(1 + r > 2);
        Assert.False((QuadraticSurd)2 > 1 + r);
        var sameR = r;
        Assert.False(r > sameR);
        Assert.False((QuadraticSurd)1 > 2);
        Assert.True((QuadraticSurd)2 > 1);
    }

    [Fact]
    public void DivisionByExactZero_Throws_SayingSo()
    {
        var e = Assert.Throws<DivideByZeroException>(() => (QuadraticSurd)1 / 0);
        Assert.Contains("a divisor is exactly 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductWithARationalFactor_NeedsNoRadicand()
    {
        using (QuadraticSurd.Track())
        {
            var r = QuadraticSurd.Sqrt(2);
            using (QuadraticSurd.Track())
            {
                var (a, b) = ((1 + r) * 3).Parts;
                Assert.Equal(new Fraction(3), a);
                Assert.Equal(new Fraction(3), b);
                var (c, d) = (3 * (1 + r)).Parts;
                Assert.Equal(new Fraction(3), c);
                Assert.Equal(new Fraction(3), d);
            }
        }
    }
}
