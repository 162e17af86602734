using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The d-dimensional rotated Hessian of balles-thesis Fig. 6.3 / appendix C.4, H = exp(φS) diag(1, …, 1, λ_max) exp(φS)ᵀ,
/// against its closed form in 2-D: for S = [[0, 1], [−1, 0]], exp(φS) = [[cos φ, sin φ], [−sin φ, cos φ]] exactly, so with
/// c = cos φ, s = sin φ, H = [[c² + λs², (λ − 1)cs], [(λ − 1)cs, s² + λc²]] (the 2-D example of appendix C.2 at ω = −φ).
/// The angles cover every branch of the scaling and squaring: |φ|‖S‖∞ below 1/2 (no squaring), a few squarings, and a power
/// of two up to 2^20, where the Taylor series must be taken at ‖A/2^s‖∞ ≤ 1/2 for the squarings not to amplify its truncation.
/// </summary>
public class RotatedHessianRun25Examples
{
    private static readonly Matrix<double> QuarterTurnGenerator = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { -1, 0 } });

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.75)]
    [InlineData(3.0)]
    [InlineData(1024.0)]
    [InlineData(1048576.0)]
    public void Rotate_OfTheQuarterTurnGenerator_IsTheClosedFormRotation(double phi)
    {
        const double lambdaMax = 3;
        var h = RotatedHessian.Rotate(lambdaMax, QuarterTurnGenerator, phi);
        double c = Math.Cos(phi), s = Math.Sin(phi);
        double offDiagonal = (lambdaMax - 1) * c * s;
        var expected = new double[,] { { c * c + lambdaMax * s * s, offDiagonal }, { offDiagonal, s * s + lambdaMax * c * c } };
        // Tolerance: Rotate's derived accuracy (RotatedHessianDerivedBound, d = 2, ρ = |φ|), plus 7·2^-53·λ_max for the closed
        // form's own error: the platform's cos and sin within an ulp (2·2^-53 relative each, 4 in a square or product) and
        // three roundings of c² + λs² or fl(fl(λ − 1)c)s (|(λ − 1)cs| ≤ λ/2). Differences taken exactly; a wrong
        // number of squarings is off by O(λ_max).
        var tolerance = RotatedHessianDerivedBound.EntryBound(2, Fraction.Abs(ExactDouble.ToFraction(phi)), ExactDouble.ToFraction(lambdaMax))
            + 7 * ExactDouble.Pow2(-53) * ExactDouble.ToFraction(lambdaMax);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.True(Fraction.Abs(ExactDouble.ToFraction(h[i, j]) - ExactDouble.ToFraction(expected[i, j])) <= tolerance,
                    $"φ = {phi}: H[{i},{j}] = {h[i, j]:R}, closed form {expected[i, j]:R}, tolerance {ExactDouble.ToDouble(tolerance):R}");
    }
}
