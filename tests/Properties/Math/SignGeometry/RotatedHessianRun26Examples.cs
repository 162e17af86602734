using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Both sides of <see cref="RotatedHessian.MaxRotation"/> (balles-thesis Fig. 6.3's rotated Hessian): |φ|·‖S‖∞ equal to
/// the limit 2^24 is inside the documented range and must give the closed-form rotation exp(φS) = [[cos φ, sin φ],
/// [−sin φ, cos φ]] of S = [[0, 1], [−1, 0]] within the documented accuracy, while the next double above it is rejected.
/// </summary>
public class RotatedHessianRun26Examples
{
    private static readonly Matrix<double> QuarterTurnGenerator = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { -1, 0 } });

    [Fact]
    public void Rotate_AtExactlyMaxRotation_IsTheClosedFormRotation()
    {
        const double lambdaMax = 3;
        double phi = RotatedHessian.MaxRotation; // ‖S‖∞ = 1, so |φ|·‖S‖∞ = 2^24 exactly
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
                    $"H[{i},{j}] = {h[i, j]:R}, closed form {expected[i, j]:R}, tolerance {ExactDouble.ToDouble(tolerance):R}");
    }

    [Fact]
    public void Rotate_JustAboveMaxRotation_IsRejected() =>
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(3, QuarterTurnGenerator, Math.BitIncrement(RotatedHessian.MaxRotation)),
            "phi", "|phi|·‖skew‖∞ must be ≤ 16777216");
}
