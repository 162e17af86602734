using Verification.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="ScaledSum.AddPowerTimes"/> with a prefix sum that is 0 adds 0^power·(factors)/divisor = 0: the sum keeps its
/// value exactly, also where the factors' binary exponents are far above the sum's (a zero term carried with exponent
/// 1992 would rescale the sum's mantissa by 2^-1992 and lose it).
/// </summary>
public class ScaledSumRun26Examples
{
    [Theory]
    [InlineData(1, 1.0, 1e300, 1e300)]
    [InlineData(2, 3.0, 1e300, -1e300)]
    [InlineData(3, -0.5, 1e200, 1e200)]
    [InlineData(2, 7.0, 2.0, 3.0)]
    public void AddingAZeroPrefixTimesFactors_LeavesTheSumUnchanged(int power, double divisor, double f1, double f2)
    {
        var zero = new ScaledSum();
        var sum = new ScaledSum();
        sum.Add(1.5);
        sum.AddPowerTimes(zero, power, divisor, f1, f2);
        Assert.Equal(1.5, sum.Value);
        sum.Add(-0.25, 3.0);
        Assert.Equal(0.75, sum.Value); // still carries the running sum exactly: 1.5 − 0.75
    }
}
