using Xunit;
using Xunit.Sdk;

namespace Verification.Tests.Properties;

/// <summary>
/// The shared vector comparer <see cref="Tolerances.AssertClose"/>: two-sided, NaN- and ∞-aware, and its failure message names
/// the worst index, both values, the ratio and the tolerance. <see cref="Tolerances.Lodo.Compare"/> (LodoCompare_*) can
/// fail: NaN on either side, an infinity against another value, a tolerance that could not fail, and a difference just
/// beyond tol·max(1, max|entry|).
/// </summary>
public class TolerancesExamples
{
    private static string Input(int i) => $"input {i}";

    [Fact]
    public void WithinTolerance_PassesAndReturnsTheWorstRatio()
    {
        // Exactly representable differences: 2⁻⁵² at 1 and 2⁻⁵⁰ at 2, tolerance 2⁻⁵⁰: ratios 1/4 and 1/2.
        double ratio = Tolerances.AssertClose("x", [1.0, 2.0], [1.0 + Math.Pow(2, -52), 2.0 + Math.Pow(2, -50)], [1.0, 2.0],
            Math.Pow(2, -50), Input);
        Assert.Equal(0.5, ratio);
    }

    [Fact]
    public void BeyondTolerance_FailsNamingWorstIndexValuesRatioAndTolerance()
    {
        var e = Assert.Throws<XunitException>(() => Tolerances.AssertClose("x", [1.0, 2.0, 3.0], [1.0, 2.5, 3.1], [1.0, 1.0, 1.0], 0.2, Input));
        Assert.Contains("worst index 1 of 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected 2, actual 2.5", e.Message, StringComparison.Ordinal);
        Assert.Contains("tolerance 0.2", e.Message, StringComparison.Ordinal);
        Assert.Contains("ratio 2.5", e.Message, StringComparison.Ordinal);
        Assert.Contains("input 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualInfinitiesAndSignedZeros_Pass_EvenWithZeroTolerance()
    {
        Assert.Equal(0, Tolerances.AssertClose("x", [double.PositiveInfinity, 0.0, double.NegativeInfinity], [double.PositiveInfinity, -0.0, double.NegativeInfinity],
            [1.0, 1.0, 1.0], 0, Input));
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, 1e308)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity)]
    public void NaNOrMismatchedInfinity_Fails(double expected, double actual) =>
        Assert.Throws<XunitException>(() => Tolerances.AssertClose("x", [expected], [actual], [1.0], 1, Input));

    [Fact]
    public void ZeroTolerance_RequiresExactEquality() =>
        Assert.Throws<XunitException>(() => Tolerances.AssertClose("x", [1.0], [Math.BitIncrement(1.0)], [1.0], 0, Input));

    [Fact]
    public void LengthMismatch_Fails() =>
        Assert.Throws<XunitException>(() => Tolerances.AssertClose("x", [1.0], [1.0, 2.0], [1.0], 1, Input));

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ToleranceThatCannotFail_IsRefused(double tolerance)
    {
        // With tolerance −1 the ratio 0.5/(−1·1) is negative and would never exceed 1; with ∞ it is 0.
        var e = Assert.Throws<XunitException>(() => Tolerances.AssertClose("x", [1.0], [1.5], [1.0], tolerance, Input));
        Assert.Contains("could not fail", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(-1.0, 1.5)]
    [InlineData(double.PositiveInfinity, 1.5)]
    public void ScaleThatCannotFail_IsRefused_NamingTheIndex(double badScale, double actual)
    {
        // A negative scale is refused even where the values are equal (it is a wrong scale, not a wrong value); an infinite
        // scale only where they differ, since a finite difference over ∞ is 0 whatever the values.
        var e = Assert.Throws<XunitException>(() =>
            Tolerances.AssertClose("x", [2.0, 1.0], [2.0, actual], [1.0, badScale], 1e-3, Input));
        Assert.Contains("index 1 of 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("input 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InfiniteScale_WithEqualValues_Passes() =>
        Assert.Equal(0, Tolerances.AssertClose("x", [double.PositiveInfinity], [double.PositiveInfinity], [double.PositiveInfinity], 1e-3, Input));

    [Fact]
    public void WorstIndex_IsTheLargestRatio_NotTheLargestDifference()
    {
        // Index 0 has the largest difference, 1 on scale 100 (ratio 1/(0.1·100) = 0.1); index 2 differs by 0.5 on scale 1
        // (ratio 5): the report names index 2.
        var e = Assert.Throws<XunitException>(() =>
            Tolerances.AssertClose("x", [100.0, 1.0, 1.0], [101.0, 1.0, 1.5], [100.0, 1.0, 1.0], 0.1, Input));
        Assert.Contains("worst index 2 of 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("input 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubnormalDifference_OnSubnormalScale_IsMeasured()
    {
        // 2⁻¹⁰⁷⁴ apart on a scale of 2⁻¹⁰⁷⁴: ratio 1/tolerance; passes at tolerance 1, fails at 0.5.
        Assert.Equal(1, Tolerances.AssertClose("x", [0.0], [double.Epsilon], [double.Epsilon], 1, Input));
        Assert.Throws<XunitException>(() => Tolerances.AssertClose("x", [0.0], [double.Epsilon], [double.Epsilon], 0.5, Input));
    }

    [Fact]
    public void OppositeExtremes_Fail_EvenThoughTheDifferenceOverflows() =>
        Assert.Throws<XunitException>(() => Tolerances.AssertClose("x", [double.MaxValue], [-double.MaxValue], [double.MaxValue], 1, Input));

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(1.0, double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity)]
    public void LodoCompare_NonFiniteMismatch_Fails(double expected, double actual) =>
        Assert.False(Tolerances.Lodo.Compare([expected, 2.0], [actual, 2.0], 1e-12).Ok);

    [Fact]
    public void LodoCompare_SameInfinity_IsNotADifference() =>
        Assert.True(Tolerances.Lodo.Compare([double.PositiveInfinity, 2.0], [double.PositiveInfinity, 2.0], 1e-12).Ok);

    [Theory]
    [InlineData(-1e-12)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LodoCompare_ToleranceThatCouldNotFail_Fails(double tol) =>
        Assert.False(Tolerances.Lodo.Compare([1.0], [1.0], tol).Ok);

    [Fact]
    public void LodoCompare_Difference_IsJudgedAgainstTheLargestFiniteEntry()
    {
        // scale = max(1, 8) = 8: a difference of about 7e-12 is within 1e-12·8, one of about 1e-11 is not.
        Assert.True(Tolerances.Lodo.Compare([8.0, 1.0], [8.0, 1.0 + 7e-12], 1e-12).Ok);
        Assert.False(Tolerances.Lodo.Compare([8.0, 1.0], [8.0, 1.0 + 1e-11], 1e-12).Ok);
    }
}
