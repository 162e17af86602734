using Fractions;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="ScaledRoot.Scale"/> at q·2^n = 2^1024 exactly (binary exponent 1024): q carries a relative error below
/// 2^-52, so the exact value may be 2^1024·(1 − 2^-53) = 2^1024 − 2^971, below the round-to-nearest overflow threshold
/// 2^1024 − 2^970, and then rounds to double.MaxValue; only at or above the threshold is it +∞. The exact comparison
/// decides, not the binary exponent.
/// </summary>
public sealed class ScaledRootRun36Examples
{
    [Fact]
    public void Scale_AtTwoTo1024_FollowsTheExactSideOfTheOverflowThreshold()
    {
        var threshold = ExactDouble.Pow2(1024) - ExactDouble.Pow2(970);
        var below = ExactDouble.Pow2(1024) - ExactDouble.Pow2(971); // within 2^-53 relatively of q·2^n = 2^1024
        var above = ExactDouble.Pow2(1024);

        Assert.True(below < threshold);
        Assert.Equal(double.MaxValue, ScaledRoot.Scale(1.0, 1024, t => below >= t));
        Assert.Equal(double.PositiveInfinity, ScaledRoot.Scale(1.0, 1024, t => above >= t));
        Assert.Equal(double.PositiveInfinity, ScaledRoot.Scale(0.5, 1025, t => above >= t));
        // One binary exponent lower, 2^1023 is finite and exact.
        Assert.Equal(Math.ScaleB(1.0, 1023), ScaledRoot.Scale(1.0, 1023, t => Fraction.Zero >= t));
    }
}
