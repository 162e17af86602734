using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>The certified L_sep bracket of balles-thesis eq. (6.25) on cases with known values.</summary>
public class SeparableSmoothnessExamples
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    private static void AssertContains(SeparableBracket b, double value)
    {
        Assert.True(b.Lower <= value && value <= b.Upper, $"[{b.Lower:R}, {b.Upper:R}] does not contain {value:R}");
        Assert.True(b.Width <= Tolerances.Sign.BracketRelativeWidth * Math.Max(1, Math.Abs(value)), $"width {b.Width:R}");
    }

    [Theory]
    [InlineData(2, -1, 3)]
    [InlineData(1, 0.999, 1)]
    [InlineData(5, 0, 1)]
    [InlineData(1e-3, 1e-4, 1e3)]
    public void TwoByTwo_IsAPlusDPlusTwiceAbsB(double a, double b, double d) =>
        // Appendix C.2: L_sep = a + d + 2|b| (minimizer (a + |b|, d + |b|)).
        AssertContains(SeparableSmoothness.Bracket(M(new double[,] { { a, b }, { b, d } })), a + d + 2 * Math.Abs(b));

    [Fact]
    public void DiagonalPsd_IsTrace() => AssertContains(SeparableSmoothness.Bracket(M(new double[,] { { 1, 0, 0 }, { 0, 0, 0 }, { 0, 0, 4 } })), 5);

    [Fact]
    public void NegativeDefinite_IsZero() =>
        // l = 0 is feasible for H ⪯ 0, and Σl ≥ 0: L_sep = 0 (the PSD hypothesis of Prop. 6.6 matters, since ‖−I‖∞,1 = d).
        AssertContains(SeparableSmoothness.Bracket(M(new double[,] { { -1, 0 }, { 0, -2 } })), 0);

    [Fact]
    public void AllOnes_IsDSquaredOverOne() =>
        // 11ᵀ ⪯ diag(l) needs Σ 1/l_i ≤ 1 (Schur), minimized at l_i = d: L_sep = d² = ‖11ᵀ‖∞,1.
        AssertContains(SeparableSmoothness.Bracket(Matrix<double>.Build.Dense(4, 4, 1.0)), 16);

    [Fact]
    public void Zero_IsExactlyZero()
    {
        var b = SeparableSmoothness.Bracket(Matrix<double>.Build.Dense(3, 3));
        Assert.Equal(0.0, b.Lower);
        Assert.Equal(0.0, b.Upper);
    }

    [Fact]
    public void PsdDense_BracketLiesBetweenLInfAndEntrywiseSum()
    {
        // Prop. 6.6 for a random PSD BᵀB: ‖H‖∞,1 ≤ L_sep ≤ Σ|H_ij|.
        var random = new System.Random(66);
        var b = Matrix<double>.Build.Dense(5, 5, (_, _) => random.NextDouble() - 0.5);
        var h = b.TransposeThisAndMultiply(b);
        h = (h + h.Transpose()) / 2;
        var br = SeparableSmoothness.Bracket(h);
        Assert.True(InfToOneNorm.Compute(h).Value <= br.Upper);
        Assert.True(br.Lower <= SignGeometryBounds.EntrywiseL1(h));
        Assert.True(br.Width <= Tolerances.Sign.BracketRelativeWidth * br.Upper, $"width {br.Width:R} of {br.Upper:R}");
    }

    [Fact]
    public void NonSymmetric_IsRejected()
    {
        ArgumentAssert.Rejects(() => SeparableSmoothness.Bracket(M(new double[,] { { 1, 1 }, { 0, 1 } })), "h", "h must be symmetric");
    }
}
