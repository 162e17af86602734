using MathNet.Numerics.LinearAlgebra;
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
        // Tolerance: Rotate's documented accuracy 4d·max(1, |φ|‖S‖∞)·2^-53·λ_max per entry (d = 2: 2^-26·λ_max), plus
        // 4·2^-53·λ_max for the closed form's own rounding of cos, sin and the products.
        double tolerance = (4 * 2 * phi + 4) * Math.Pow(2, -53) * lambdaMax;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.True(Math.Abs(h[i, j] - expected[i, j]) <= tolerance,
                    $"H[{i},{j}] = {h[i, j]:R}, closed form {expected[i, j]:R}, tolerance {tolerance:R}");
    }

    [Fact]
    public void Rotate_JustAboveMaxRotation_IsRejected() =>
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(3, QuarterTurnGenerator, Math.BitIncrement(RotatedHessian.MaxRotation)),
            "phi", "|phi|·‖skew‖∞ must be ≤ 16777216");
}
