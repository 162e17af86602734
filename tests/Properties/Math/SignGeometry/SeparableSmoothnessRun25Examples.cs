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
    /// H·2^-1000 (normal doubles; (diag(l) − H)^-1/2 is then about 1e155, whose squares overflow: the witness's dual factor
    /// once came out all zeros and LowerBound rejected it). Scaling H by a power of two scales the barrier point l by it
    /// and leaves the unit-row dual factor V unchanged, bit for bit: the bracket scales H by a power of two, the Cholesky
    /// pivot s₂₂ − L₂₁² is exact (Sterbenz) even where it is subnormal, and the rows of L⁻ᵀ are scaled by powers of two
    /// before their norms. So the tiny witness certifies L_sep = 7·2^-1000 exactly as the witness of H certifies 7.
    /// </summary>
    [Fact]
    public void WitnessOfATinyMatrix_IsTheWitnessOfTheMatrixScaled()
    {
        var tiny = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                tiny[i, j] = Math.ScaleB(TwoByTwo[i, j], -1000);
        var atOne = SeparableWitness.Of(TwoByTwo);
        var witness = SeparableWitness.Of(tiny);
        Assert.All(Enumerable.Range(0, 2), i =>
        {
            Assert.Equal(Math.ScaleB(atOne.Diagonal[i], -1000), witness.Diagonal[i]);
            for (int j = 0; j < 2; j++)
                Assert.Equal(atOne.DualFactor[i, j], witness.DualFactor[i, j]);
            // Unit rows up to the rounding of the normalization: |‖v‖² − 1| ≤ 4 ulp of 1 for two entries (each square, the
            // sum, the square root and the division round once).
            double rowNormSquared = witness.DualFactor[i, 0] * witness.DualFactor[i, 0] + witness.DualFactor[i, 1] * witness.DualFactor[i, 1];
            Assert.True(Math.Abs(rowNormSquared - 1) <= 4 * Math.ScaleB(1.0, -52), $"row {i} of V has squared norm {rowNormSquared:R}");
        });
        var unit = ExactDouble.ToFraction(Math.ScaleB(1.0, -1000));
        var hOne = RealMatrix<RationalInterval>.Constant(TwoByTwo);
        var hTiny = RealMatrix<RationalInterval>.Constant(tiny);
        var lowerOne = SeparableSmoothnessFormulas.LowerBound(hOne, atOne);
        var lower = SeparableSmoothnessFormulas.LowerBound(hTiny, witness);
        var (feasible, upper) = SeparableSmoothnessFormulas.UpperBound(hTiny, witness);
        // Both bounds are homogeneous of degree 1 in (H, l) for a fixed V: exactly 2^-1000 times those at scale one.
        Assert.True(lower.Lower == lowerOne.Lower * unit && lower.Upper == lowerOne.Upper * unit, $"{lower} is not 2^-1000·{lowerOne}");
        Assert.True(feasible, "the barrier point l must be feasible");
        var lsep = 7 * unit;
        Assert.True(lower.Upper <= lsep && lsep <= upper.Lower, $"[{lower}, {upper}] must hold L_sep = 7·2^-1000");
        // The barrier's gap, documented as ≲ 1e-10 relative.
        Assert.True(upper.Upper - lower.Lower <= new Fraction(1, 10_000_000_000) * lsep, $"width {upper.Upper - lower.Lower} above 1e-10·L_sep");
    }
}
