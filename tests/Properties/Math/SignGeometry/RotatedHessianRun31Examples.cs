using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// What <see cref="RotatedHessian.Rotate"/> (balles-thesis Fig. 6.3's family) accepts as skew-symmetric: S must be square,
/// and S + Sᵀ may differ from 0 by rounding only, ‖S + Sᵀ‖∞ ≤ 10⁻¹² · max(1, ‖S‖∞) (relative to ‖S‖∞ where it exceeds
/// 1, absolute below). Both sides of that limit, at ‖S‖∞ = 4 (limit 4·10⁻¹²) and ‖S‖∞ &lt; 1 (limit 10⁻¹² exactly, which is
/// accepted, its next double rejected). An accepted S at φ = 0 gives exp(0·S) = I, so H = diag(1, λ_max) exactly.
/// </summary>
public class RotatedHessianRun31Examples
{
    private const string SkewMessage = "skew must be a non-empty square skew-symmetric matrix";

    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    private static void AssertAccepted(Matrix<double> skew)
    {
        var h = RotatedHessian.Rotate(3, skew, 0);
        Assert.Equal(new[,] { { 1.0, 0 }, { 0, 3 } }, h.ToArray());
    }

    [Fact]
    public void NonSquareSkew_IsRejectedNamingSkew() =>
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(3, Matrix<double>.Build.Dense(2, 3), 0), "skew", SkewMessage);

    /// <summary>
    /// S = [[0, 4], [−4 + δ, 0]]: ‖S‖∞ = 4 and ‖S + Sᵀ‖∞ = δ exactly (4 + (−4 + δ) is exact, Sterbenz). δ = 2^-39 ≈ 1.8e-12
    /// lies between the absolute 10⁻¹² and the relative 4·10⁻¹², so it is accepted; δ = 2^-37 ≈ 7.3e-12 is beyond both.
    /// </summary>
    [Fact]
    public void AsymmetryRelativeToANormAboveOne_IsAcceptedUpToThatMultipleOfTheTolerance()
    {
        AssertAccepted(M(new double[,] { { 0, 4 }, { -4 + Math.ScaleB(1, -39), 0 } }));
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(3, M(new double[,] { { 0, 4 }, { -4 + Math.ScaleB(1, -37), 0 } }), 0), "skew", SkewMessage);
    }

    /// <summary>
    /// S = [[0, a], [0, 0]] with ‖S‖∞ = a &lt; 1, so ‖S + Sᵀ‖∞ = a against the absolute limit 10⁻¹²: a = 1e-12 (the double
    /// the limit is computed as) is accepted, the next double above is not.
    /// </summary>
    [Fact]
    public void AsymmetryBelowNormOne_IsAcceptedExactlyUpToTheAbsoluteTolerance()
    {
        AssertAccepted(M(new double[,] { { 0, 1e-12 }, { 0, 0 } }));
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(3, M(new double[,] { { 0, Math.BitIncrement(1e-12) }, { 0, 0 } }), 0), "skew", SkewMessage);
    }

    /// <summary>
    /// An accepted S that is skew only to within the tolerance is rotated by its exactly skew part K = S/2 − Sᵀ/2 (stop 39:
    /// the derived accuracy holds for an exactly skew matrix only, and exp(φS) of the S itself is not orthogonal, so no
    /// stated bound covered it). S = [[0, 4], [−4 + 2^-39, 0]] has K = [[0, 4 − 2^-40], [−4 + 2^-40, 0]] exactly; by hand
    /// Rotate(λ, S, φ) must be Rotate(λ, K, φ) bit for bit (exp(φS) of the S itself differs from it in the last bits).
    /// </summary>
    [Fact]
    public void NearlySkewS_IsRotatedByItsExactlySkewPart()
    {
        double delta = Math.ScaleB(1, -39);
        var s = M(new double[,] { { 0, 4 }, { -4 + delta, 0 } });
        var k = M(new double[,] { { 0, 4 - delta / 2 }, { -4 + delta / 2, 0 } });
        foreach (double phi in new[] { 0.3, 1.0, 1000.5 })
        {
            var h = RotatedHessian.Rotate(3, s, phi);
            Assert.Equal(RotatedHessian.Rotate(3, k, phi).ToArray(), h.ToArray());
            Assert.Equal(h[0, 1], h[1, 0]);
        }
    }

    /// <summary>
    /// An exactly skew S is used as it is, also with subnormal entries, where its skew part S/2 − Sᵀ/2 is not S:
    /// S = [[0, 3·2^-1074], [−3·2^-1074, 0]] has (3·2^-1074)/2 rounded to 2·2^-1074 (ties to even), so K would be
    /// [[0, 4·2^-1074], …]. At φ = 2^1023, φS = [[0, 3·2^-51], [−3·2^-51, 0]] exactly, so by hand Rotate(λ, S, 2^1023) must
    /// be Rotate(λ, [[0, 3·2^-51], [−3·2^-51, 0]], 1) bit for bit (the same matrix reaches exp); with K it would be the
    /// rotation by 4·2^-51, whose off-diagonal entry (λ − 1)·sin θ cos θ differs by a third.
    /// </summary>
    [Fact]
    public void ExactlySkewS_WithSubnormalEntries_IsUsedAsItIs()
    {
        double t = 3 * double.Epsilon;
        var s = M(new double[,] { { 0, t }, { -t, 0 } });
        double angle = Math.ScaleB(3.0, -51);
        var scaled = M(new double[,] { { 0, angle }, { -angle, 0 } });
        var h = RotatedHessian.Rotate(3, s, Math.ScaleB(1.0, 1023));
        Assert.Equal(RotatedHessian.Rotate(3, scaled, 1).ToArray(), h.ToArray());
        Assert.NotEqual(0.0, h[0, 1]);
    }
}
