using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The spectral-norm bounds at the ends of the double range: A = 2^k·[[2, 1], [1, 2]] has ‖A‖₂ = 3·2^k exactly (its
/// eigenvalues are 3·2^k and 2^k); at k = −1070 every entry is subnormal. And a matrix mixing subnormal and unit entries,
/// on which the eigensolver behind the witness used to index past the matrix (found by balles/prop-7.2/unsquared at seed
/// 1000, a tanh network at x = 5e-324).
/// </summary>
public class SpectralNormFormulasExamples
{
    [Theory]
    [InlineData(-1070)]
    [InlineData(-1000)]
    [InlineData(0)]
    [InlineData(1000)]
    public void Bounds_EncloseTheExactNorm_AndAreTight_AtEveryScale(int k)
    {
        double[,] h = { { Math.ScaleB(2, k), Math.ScaleB(1, k) }, { Math.ScaleB(1, k), Math.ScaleB(2, k) } };
        var norm = ExactDouble.ToFraction(Math.ScaleB(3, k));

        var lower = SpectralNormFormulas.LowerBound(RealMatrix<RationalInterval>.Constant(h));
        var upper = SpectralNormFormulas.UpperBound(RealMatrix<RationalInterval>.Constant(h));
        double upperDouble = SpectralNormFormulas.UpperBound(RealMatrix<Float64>.Constant(h)).Value;

        Assert.True(lower.Lower <= norm && norm <= upper.Upper, $"[{lower}, {upper}] misses 3·2^{k}");
        // The witness is the exact eigenbasis to rounding, so both bounds are within a few ulp of 3·2^k: 1e-14 relative,
        // or 4 steps of the subnormal spacing 2^-1074 where the doubles' own rounding is that coarse.
        double tolerance = Math.Max(Math.ScaleB(3, k) * 1e-14, Math.ScaleB(4, -1074));
        Assert.Equal(Math.ScaleB(3, k), upperDouble, tolerance);
        Assert.Equal(Math.ScaleB(3, k), lower.UpperAsDouble, tolerance);
    }

    [Fact]
    public void Bounds_OfAMatrixMixingSubnormalAndUnitEntries_EncloseTheNorm()
    {
        // A = diag(0, 1) + E with ‖E‖₂ ≤ 2|a|, so ‖A‖₂ ∈ [1 − 2|a|, 1 + 2|a|].
        const double a = -1e-315;
        double[,] h = { { a, a }, { a, 1 } };
        var slack = ExactDouble.ToFraction(2e-315);

        var lower = SpectralNormFormulas.LowerBound(RealMatrix<RationalInterval>.Constant(h));
        var upper = SpectralNormFormulas.UpperBound(RealMatrix<RationalInterval>.Constant(h));

        Assert.True(lower.Lower <= 1 + slack && 1 - slack <= upper.Upper, $"[{lower}, {upper}]");
        Assert.Equal(1, lower.UpperAsDouble, 1e-14);
        Assert.Equal(1, upper.LowerAsDouble, 1e-14);
    }
}
