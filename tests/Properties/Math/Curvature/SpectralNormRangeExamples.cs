using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="SpectralNormFormulas"/> in doubles at the ends of the range (issue 15, item 1): each expected norm is a
/// closed form of the entries (2^k times the norm of a small integer matrix), never the current output.
/// </summary>
public class SpectralNormRangeExamples
{
    /// <summary>4 ulp: the witness is an eigenbasis to a few ulp and each bound a handful of roundings on a unit-sized
    /// matrix (the scaled one), then one exact power-of-two scaling.</summary>
    private const double Ulps = 4;

    private static double Lower(double[,] a) => SpectralNormFormulas.LowerBound(RealMatrix<Float64>.Constant(a)).Value;

    private static double Upper(double[,] a) => SpectralNormFormulas.UpperBound(RealMatrix<Float64>.Constant(a)).Value;

    private static void AssertWithinUlps(double expected, double actual, string what)
    {
        double tolerance = Ulps * (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= Math.Max(tolerance, Ulps * double.Epsilon),
            $"{what}: {actual:R}, exact {expected:R}");
    }

    [Fact]
    public void Bounds_OfAnOffDiagonalPairNearMaxValue_AreItsNorm()
    {
        // [[0, a], [a, 0]] has eigenvalues ±a: ‖A‖₂ = a = 1e308. The witness matrix (a + a)/2 overflowed, the witness fell
        // back to the identity and the lower bound was 0.
        double[,] a = { { 0, 1e308 }, { 1e308, 0 } };
        AssertWithinUlps(1e308, Lower(a), "lower");
        AssertWithinUlps(1e308, Upper(a), "upper");
    }

    [Fact]
    public void Bounds_OfAReflectionAt2To1023_AreFiniteAndItsNorm()
    {
        // 2^1023·[[1, 1], [1, −1]] has eigenvalues ±√2·2^1023 ≈ 1.27e308 < MaxValue, while its row sums (2^1024) do not
        // exist in doubles: the upper bound was +∞ and the lower bound 2^1023.
        double big = Math.ScaleB(1, 1023);
        double[,] a = { { big, big }, { big, -big } };
        double norm = Math.ScaleB(Math.Sqrt(2), 1023); // √2 correctly rounded, times an exact power of two
        AssertWithinUlps(norm, Lower(a), "lower");
        AssertWithinUlps(norm, Upper(a), "upper");
    }

    [Fact]
    public void Bounds_OfASubnormalMatrix_AreItsNormRoundedOnce()
    {
        // 2^-1074·[[2, 1], [1, 2]]: ‖A‖₂ = 3·2^-1074 exactly, a double. Each product A_ij·x_j of the Rayleigh quotient
        // rounded to the subnormal grid, and the lower bound was 2·2^-1074.
        double[,] a = { { Math.ScaleB(2, -1074), double.Epsilon }, { double.Epsilon, Math.ScaleB(2, -1074) } };
        Assert.Equal(Math.ScaleB(3, -1074), Lower(a));
        Assert.Equal(Math.ScaleB(3, -1074), Upper(a));
    }

    [Fact]
    public void Bounds_AreExactlyZero_OnTheZeroMatrix()
    {
        double[,] a = { { 0, 0 }, { 0, 0 } };
        Assert.Equal(0, Lower(a));
        Assert.Equal(0, Upper(a));
    }

    [Fact]
    public void RationalBounds_EncloseTheNorm_OfAReflectionAt2To1023()
    {
        // The rigorous bounds after the scaling: lower² ≤ ‖A‖₂² = 2·2^2046 ≤ upper², in exact rationals.
        double big = Math.ScaleB(1, 1023);
        double[,] a = { { big, big }, { big, -big } };
        var lower = SpectralNormFormulas.LowerBound(RealMatrix<RationalInterval>.Constant(a));
        var upper = SpectralNormFormulas.UpperBound(RealMatrix<RationalInterval>.Constant(a));
        var normSquared = 2 * ExactDouble.Pow2(2046);
        Assert.True(lower.Lower * lower.Lower <= normSquared, $"lower {lower}");
        Assert.True(upper.Upper >= 0 && upper.Upper * upper.Upper >= normSquared, $"upper {upper}");
        Assert.Equal(Math.ScaleB(Math.Sqrt(2), 1023), lower.UpperAsDouble, Math.ScaleB(1e-14, 1023));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Bounds_RejectANonFiniteEntry_ByName(double bad)
    {
        double[,] a = { { 1, bad }, { bad, 1 } };
        ArgumentAssert.Rejects(() => Lower(a), "a", "a's entries must be finite, got a[0, 1] = ");
        ArgumentAssert.Rejects(() => Upper(a), "a", "a's entries must be finite, got a[0, 1] = ");
        ArgumentAssert.Rejects(() => SpectralNormFormulas.RowSumNorm(RealMatrix<Float64>.Constant(a)), "a", "a's entries must be finite, got a[0, 1] = ");
    }
}
