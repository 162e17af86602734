using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// RationalInterval.UpperAsDouble: the upper bound of an interval ending at 0 is the double +0, never −0 (the
/// documented "+ 0.0 turns −0 into 0" normalisation), and it still bounds the exact upper end from above.
/// </summary>
public class RationalIntervalRun28Examples
{
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void UpperAsDouble_OfAnIntervalEndingAtZero_IsPositiveZero(int lower)
    {
        var interval = new RationalInterval(new Fraction(lower), Fraction.Zero);

        double upper = interval.UpperAsDouble;

        Assert.Equal(0.0, upper);
        Assert.False(double.IsNegative(upper), "upper bound at 0 came back as −0");
    }
}
