using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// max of two hyper-dual numbers (<see cref="HyperDualReal{T}"/>) is the operand with the larger value, all four parts
/// with it (max(a, b) = a where a &gt; b, so its derivatives are a's), in either argument order (mutation run 34: picking
/// always the first or always the second operand, or comparing the other way, survived).
/// </summary>
public sealed class HyperDualRealRun35Examples
{
    private static HyperDualReal<Float64> H(double value, double e1, double e2, double e12) =>
        new(Float64.Of(value), Float64.Of(e1), Float64.Of(e2), Float64.Of(e12));

    private static void AssertParts(HyperDualReal<Float64> expected, HyperDualReal<Float64> actual)
    {
        Assert.Equal(expected.Value.Value, actual.Value.Value);
        Assert.Equal(expected.E1.Value, actual.E1.Value);
        Assert.Equal(expected.E2.Value, actual.E2.Value);
        Assert.Equal(expected.E12.Value, actual.E12.Value);
    }

    [Fact]
    public void Max_IsTheOperandWithTheLargerValue_InEitherOrder()
    {
        var larger = H(3, 1, 2, 5);
        var smaller = H(-1, 7, 11, 13);
        AssertParts(larger, HyperDualReal<Float64>.Max(larger, smaller));
        AssertParts(larger, HyperDualReal<Float64>.Max(smaller, larger));
    }
}
