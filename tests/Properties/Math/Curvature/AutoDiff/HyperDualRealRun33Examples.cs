using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HyperDualReal{T}.IsFinite"/>: a hyper-dual number is finite only when all four parts are, since an overflowed
/// derivative part (an infinite ε₁, ε₂ or ε₁ε₂ part) is as unusable as an overflowed value (mutation run 32: uncovered).
/// Each case makes exactly one part infinite or NaN, over <see cref="Float64"/>.
/// </summary>
public sealed class HyperDualRealRun33Examples
{
    private static HyperDualReal<Float64> Number(double value, double e1, double e2, double e12) =>
        new(Float64.Of(value), Float64.Of(e1), Float64.Of(e2), Float64.Of(e12));

    [Fact]
    public void IsFinite_WithAllPartsFinite_IsTrue() =>
        Assert.True(HyperDualReal<Float64>.IsFinite(Number(1, -2, 3, double.MaxValue)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void IsFinite_WithOnePartInfinite_IsFalse(int part)
    {
        var parts = new double[] { 1, 2, 3, 4 };
        parts[part] = double.PositiveInfinity;
        Assert.False(HyperDualReal<Float64>.IsFinite(Number(parts[0], parts[1], parts[2], parts[3])));
        parts[part] = double.NaN;
        Assert.False(HyperDualReal<Float64>.IsFinite(Number(parts[0], parts[1], parts[2], parts[3])));
    }
}
