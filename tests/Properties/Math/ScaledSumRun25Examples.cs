using Verification.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="ScaledSum.Value"/>: a sum that underflows to zero is +0, as its doc comment states (and as the plain
/// formulas give it, whose running sums start at +0), also where the exact sum is negative: −1·2^-1100 rounds to −0 in the
/// final scaling, and the result must still be +0. A negative sum that does not underflow keeps its sign and value
/// (−3·2^-1074 is a subnormal double, exact).
/// </summary>
public class ScaledSumRun25Examples
{
    [Fact]
    public void NegativeSumThatUnderflows_IsPositiveZero()
    {
        var sum = new ScaledSum();
        sum.Add(-1.0, Math.ScaleB(1.0, -550), Math.ScaleB(1.0, -550)); // −2^-1100, below half of 2^-1074
        double value = sum.Value;
        Assert.Equal(0.0, value);
        Assert.False(double.IsNegative(value), "the underflowed sum must be +0, not −0");
    }

    [Fact]
    public void CancellingSum_IsPositiveZero()
    {
        var sum = new ScaledSum();
        sum.Add(-1.0, 1e-200, 1e-200);
        sum.Add(1.0, 1e-200, 1e-200);
        double value = sum.Value;
        Assert.Equal(0.0, value);
        Assert.False(double.IsNegative(value));
    }

    [Fact]
    public void NegativeSubnormalSum_KeepsItsSignAndValue()
    {
        var sum = new ScaledSum();
        sum.Add(-3.0, Math.ScaleB(1.0, -537), Math.ScaleB(1.0, -537)); // −3·2^-1074 exactly
        Assert.Equal(-3 * double.Epsilon, sum.Value);
    }
}
