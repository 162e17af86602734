using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>The rotated Hessians of balles-thesis Figs. 6.1–6.3 at the ends of their range.</summary>
public class RotatedHessianExamples
{
    /// <summary>λ_max = double.MaxValue: (H + Hᵀ)/2 overflowed to ∞ at ω = 0; H is diag(1, MaxValue) there.</summary>
    [Fact]
    public void TwoDimensional_AtMaxValue_IsFiniteAndExact()
    {
        var h = RotatedHessian.TwoDimensional(double.MaxValue, 0);
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, double.MaxValue } }), h);
        var rotated = RotatedHessian.TwoDimensional(double.MaxValue, Math.PI / 4);
        Assert.All(rotated.Enumerate(), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(rotated[0, 1], rotated[1, 0]);
        // At 45° every entry is (1 + λ_max)/2 in magnitude up to the rounding of cos and sin: ≈ MaxValue/2.
        Assert.Equal(double.MaxValue / 2, rotated[1, 1], double.MaxValue * 1e-15);
    }

    [Fact]
    public void Rotate_AtMaxValue_IsFiniteAndSymmetric()
    {
        var h = RotatedHessian.Rotate(double.MaxValue, RotatedHessian.SeededSkew(4, 7), 0.3);
        Assert.All(h.Enumerate(), v => Assert.True(double.IsFinite(v)));
        Assert.True(h.Equals(h.Transpose()));
    }

    /// <summary>exp(φS) by scaling and squaring doubles its error per squaring: |φ|·‖S‖∞ beyond 2^24 is rejected.</summary>
    [Fact]
    public void Rotate_BeyondMaxRotation_IsRejected()
    {
        var s = RotatedHessian.SeededSkew(3, 1);
        double phi = 2 * RotatedHessian.MaxRotation / s.InfinityNorm();
        ArgumentAssert.Rejects(() => RotatedHessian.Rotate(2, s, phi), "phi", "|phi|·‖skew‖∞ must be ≤ 16777216");
    }
}
