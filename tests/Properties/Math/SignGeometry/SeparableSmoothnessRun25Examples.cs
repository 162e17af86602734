using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The fixed certificates of L_sep(H) = min Σl_i s.t. l ≥ 0, H ⪯ diag(l) (balles-thesis eq. 6.25) on
/// H = [[2, −1], [−1, 3]], whose L_sep is a + d + 2|b| = 7 (appendix C.2, minimizer l = (3, 4)), over exact rationals:
/// the dual bound ⟨H, VVᵀ⟩/max_i (VVᵀ)_ii is normalized by the largest diagonal of VVᵀ (so it does not change when V is
/// scaled), and the witness of H scaled by 2^-1000 certifies 7·2^-1000 as tightly as that of H (L_sep is homogeneous).
/// </summary>
public class SeparableSmoothnessRun25Examples
{
    private static readonly double[,] TwoByTwo = { { 2, -1 }, { -1, 3 } };

    /// <summary>
    /// V = [[2, 0], [−2, 0]]: VVᵀ = [[4, −4], [−4, 4]], its largest diagonal 4, so Y = [[1, −1], [−1, 1]] (the optimal dual
    /// of C.2: Y ⪰ 0, Y_ii = 1) and ⟨H, Y⟩ = 2 + 3 + 2·1 = 7 = L_sep exactly; V and 3V give the same Y and bound.
    /// </summary>
    [Fact]
    public void LowerBound_OfTheOptimalDualDirection_IsLsepForEveryScaleOfV()
    {
        var h = RealMatrix<RationalInterval>.Constant(TwoByTwo);
        foreach (double scale in new[] { 1.0, 2.0, 3.0 })
        {
            var witness = new SeparableWitness([3, 4], new[,] { { 2 * scale, 0 }, { -2 * scale, 0 } });
            var lower = SeparableSmoothnessFormulas.LowerBound(h, witness);
            Assert.True(lower.Lower == new Fraction(7) && lower.Upper == new Fraction(7), $"V scaled by {scale}: {lower}, expected 7");
            var (feasible, upper) = SeparableSmoothnessFormulas.UpperBound(h, witness);
            Assert.True(feasible && upper.Lower == new Fraction(7), $"l = (3, 4): feasible {feasible}, Σl = {upper}");
        }
    }

    /// <summary>
    /// H·2^-1000 (normal doubles; the slack diag(l) − H of its barrier point is about 2^-1000·1e-11, and (diag(l) − H)^-1/2
    /// about 1e155, whose squares overflow). The witness's dual factor must still have unit rows: its lower bound exists,
    /// lies below 7·2^-1000 ≤ Σl, and is as tight as at scale 1 (the barrier's gap, ≤ 1e-10 relative; 1e-8 leaves room
    /// for the rounding of the slack, which is subnormal here).
    /// </summary>
    [Fact]
    public void WitnessOfATinyMatrix_CertifiesLsepAsTightlyAsAtScaleOne()
    {
        var tiny = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                tiny[i, j] = Math.ScaleB(TwoByTwo[i, j], -1000);
        var witness = SeparableWitness.Of(tiny);
        Assert.All(Enumerable.Range(0, 2), i =>
        {
            double rowNormSquared = witness.DualFactor[i, 0] * witness.DualFactor[i, 0] + witness.DualFactor[i, 1] * witness.DualFactor[i, 1];
            Assert.True(Math.Abs(rowNormSquared - 1) <= 1e-15, $"row {i} of V has squared norm {rowNormSquared:R}"); // a few ulps of rounding
        });
        var h = RealMatrix<RationalInterval>.Constant(tiny);
        var lower = SeparableSmoothnessFormulas.LowerBound(h, witness);
        var (feasible, upper) = SeparableSmoothnessFormulas.UpperBound(h, witness);
        var lsep = 7 * ExactDouble.ToFraction(Math.ScaleB(1.0, -1000));
        Assert.True(feasible, "the barrier point l must be feasible");
        Assert.True(lower.Upper <= lsep && lsep <= upper.Lower, $"[{lower}, {upper}] must hold L_sep = 7·2^-1000");
        Assert.True(upper.Upper - lower.Lower <= new Fraction(1, 100_000_000) * lsep, $"width {upper.Upper - lower.Lower} above 1e-8·L_sep");
    }
}
