using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="LodoTolerances.Compare"/> can fail: NaN on either side, an infinity against another value, a tolerance
/// that could not fail, and a difference just beyond tol·max(1, max|entry|).
/// </summary>
public class LodoTolerancesExamples
{
    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(1.0, double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity)]
    public void NonFiniteMismatch_Fails(double expected, double actual) =>
        Assert.False(LodoTolerances.Compare([expected, 2.0], [actual, 2.0], 1e-12).Ok);

    [Fact]
    public void SameInfinity_IsNotADifference() =>
        Assert.True(LodoTolerances.Compare([double.PositiveInfinity, 2.0], [double.PositiveInfinity, 2.0], 1e-12).Ok);

    [Theory]
    [InlineData(-1e-12)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ToleranceThatCouldNotFail_Fails(double tol) =>
        Assert.False(LodoTolerances.Compare([1.0], [1.0], tol).Ok);

    [Fact]
    public void Difference_IsJudgedAgainstTheLargestFiniteEntry()
    {
        // scale = max(1, 8) = 8: a difference of about 7e-12 is within 1e-12·8, one of about 1e-11 is not.
        Assert.True(LodoTolerances.Compare([8.0, 1.0], [8.0, 1.0 + 7e-12], 1e-12).Ok);
        Assert.False(LodoTolerances.Compare([8.0, 1.0], [8.0, 1.0 + 1e-11], 1e-12).Ok);
    }
}
