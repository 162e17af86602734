using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="RationalInterval.IsNonPositive"/> is "every point is ≤ 0": true for [−1, 0] (its upper end 0 is allowed) and
/// [−2, −1], false for [−1, ½] and [0, 1] (a positive point); the point 0 is both non-positive and non-negative.
/// </summary>
public class RationalIntervalRun35Examples
{
    [Fact]
    public void IsNonPositive_ExactlyWhenTheUpperEndIsAtMostZero()
    {
        Assert.True(new RationalInterval(-1, 0).IsNonPositive);
        Assert.True(new RationalInterval(-2, -1).IsNonPositive);
        Assert.True(RationalInterval.Zero.IsNonPositive);
        Assert.True(RationalInterval.Zero.IsNonNegative);
        Assert.False(new RationalInterval(new Fraction(-1), new Fraction(1, 2)).IsNonPositive);
        Assert.False(new RationalInterval(0, 1).IsNonPositive);
    }
}
