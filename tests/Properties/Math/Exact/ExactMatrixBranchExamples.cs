using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// <see cref="ExactMatrix"/>: max |a_ij| by hand where the largest magnitude is a negative and where it is a positive
/// entry, and the Cayley transform's rejection of a non-square argument.
/// </summary>
public class ExactMatrixBranchExamples
{
    [Fact]
    public void MaxAbs_LargestMagnitudeNegative() =>
        Assert.Equal(new Fractions.Fraction(5), ExactMatrix.FromIntegers(new long[,] { { -5, 3 }, { 0, 1 } }).MaxAbs());

    [Fact]
    public void MaxAbs_LargestMagnitudePositive() =>
        Assert.Equal(new Fractions.Fraction(5), ExactMatrix.FromIntegers(new long[,] { { 5, -3 }, { 0, -1 } }).MaxAbs());

    [Fact]
    public void Cayley_RejectsNonSquare() =>
        ArgumentAssert.Rejects(() => ExactMatrix.Cayley(ExactMatrix.FromIntegers(new long[,] { { 0, 1, 2 }, { -1, 0, 3 } })),
            "skew", "must be square");
}
