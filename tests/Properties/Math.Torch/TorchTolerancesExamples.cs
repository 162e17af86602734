using Xunit;
using Xunit.Sdk;

namespace Verification.Tests.Properties.Math.Torch;

/// <summary>The table's one comparer: two-sided, NaN- and ∞-aware, and its failure message names the worst index, both values, the ratio and the tolerance.</summary>
public class TorchTolerancesExamples
{
    private static string Input(int i) => $"input {i}";

    [Fact]
    public void WithinTolerance_PassesAndReturnsTheWorstRatio()
    {
        // Exactly representable differences: 2⁻⁵² at 1 and 2⁻⁵⁰ at 2, tolerance 2⁻⁵⁰: ratios 1/4 and 1/2.
        double ratio = TorchTolerances.AssertClose("x", [1.0, 2.0], [1.0 + System.Math.Pow(2, -52), 2.0 + System.Math.Pow(2, -50)], [1.0, 2.0],
            System.Math.Pow(2, -50), Input);
        Assert.Equal(0.5, ratio);
    }

    [Fact]
    public void BeyondTolerance_FailsNamingWorstIndexValuesRatioAndTolerance()
    {
        var e = Assert.Throws<XunitException>(() => TorchTolerances.AssertClose("x", [1.0, 2.0, 3.0], [1.0, 2.5, 3.1], [1.0, 1.0, 1.0], 0.2, Input));
        Assert.Contains("worst index 1 of 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected 2, actual 2.5", e.Message, StringComparison.Ordinal);
        Assert.Contains("tolerance 0.2", e.Message, StringComparison.Ordinal);
        Assert.Contains("ratio 2.5", e.Message, StringComparison.Ordinal);
        Assert.Contains("input 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualInfinitiesAndSignedZeros_Pass_EvenWithZeroTolerance()
    {
        Assert.Equal(0, TorchTolerances.AssertClose("x", [double.PositiveInfinity, 0.0, double.NegativeInfinity], [double.PositiveInfinity, -0.0, double.NegativeInfinity],
            [1.0, 1.0, 1.0], 0, Input));
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, 1e308)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity)]
    public void NaNOrMismatchedInfinity_Fails(double expected, double actual) =>
        Assert.Throws<XunitException>(() => TorchTolerances.AssertClose("x", [expected], [actual], [1.0], 1, Input));

    [Fact]
    public void ZeroTolerance_RequiresExactEquality() =>
        Assert.Throws<XunitException>(() => TorchTolerances.AssertClose("x", [1.0], [System.Math.BitIncrement(1.0)], [1.0], 0, Input));

    [Fact]
    public void LengthMismatch_Fails() =>
        Assert.Throws<XunitException>(() => TorchTolerances.AssertClose("x", [1.0], [1.0, 2.0], [1.0], 1, Input));
}
