using Verification.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="BinaryExponent.OfLargest"/> is ⌊log₂ max|v|⌋, and 0 for an all-zero vector (whose ILogB would be
/// int.MinValue, a scaling no caller can use): checked at hand-computed exponents.
/// </summary>
public sealed class BinaryExponentRun36Examples
{
    [Fact]
    public void OfLargest_IsTheFloorOfLog2OfTheLargestMagnitude_AndZeroForZeros()
    {
        Assert.Equal(0, BinaryExponent.OfLargest([0.0, -0.0]));
        Assert.Equal(1, BinaryExponent.OfLargest([0.75, -3.0]));     // 2 ≤ 3 < 4
        Assert.Equal(-2, BinaryExponent.OfLargest([0.25, 0.0]));     // exactly 2^-2
        Assert.Equal(-1074, BinaryExponent.OfLargest([double.Epsilon])); // the smallest subnormal, 2^-1074
    }
}
