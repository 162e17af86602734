using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="RationalInterval"/> at a closed 0 end: IsNonNegative holds exactly when every point is ≥ 0 (so for [0, b]
/// and not for [a, 0] with a &lt; 0), and a divisor [a, 0] with a &lt; 0 contains 0, so the quotient is undecided (no
/// interval of quotients exists, 1/0 being one of them).
/// </summary>
public class RationalIntervalRun25Examples
{
    private static RationalInterval Interval(int lower, int upper) => new(new Fraction(lower), new Fraction(upper));

    [Fact]
    public void IsNonNegative_HoldsExactlyWhenTheLowerEndIsAtLeastZero()
    {
        Assert.True(Interval(0, 1).IsNonNegative);
        Assert.True(Interval(0, 0).IsNonNegative);
        Assert.True(new RationalInterval(new Fraction(1, 3), new Fraction(1, 2)).IsNonNegative);
        Assert.False(Interval(-1, 0).IsNonNegative);
        Assert.False(Interval(-1, 2).IsNonNegative);
        Assert.False(Interval(-3, -2).IsNonNegative);
    }

    [Fact]
    public void Division_ByAnIntervalEndingAtZeroFromBelow_IsUndecided()
    {
        var exception = Assert.Throws<UndecidedException>(() => Interval(1, 2) / Interval(-1, 0));
        Assert.Contains("contains 0", exception.Message, StringComparison.Ordinal);
    }
}
