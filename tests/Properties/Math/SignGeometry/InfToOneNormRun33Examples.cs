using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// <see cref="InfToOneNorm.Compute"/> (balles-thesis eq. 6.18) visits the 2^(d−1) sign vectors with last entry +1 and
/// returns a maximizer with last entry +1, as <see cref="InfToOneNormResult"/> documents (x and −x give the same value).
/// For H = [[0.1, 0.2], [0.2, 1]]: ‖H(1, 1)‖₁ = 0.3 + 1.2 = 1.5 and ‖H(−1, 1)‖₁ = 0.1 + 0.8 = 0.9, so (1, 1) is the
/// maximizer. One more Gray-code step would visit (−1, −1) = −(1, 1), whose rounded running value 1.5000000000000002
/// exceeds the 1.5 of (1, 1) (mutation run 32: the loop bound k &lt; 2^(d−1); found by replaying the updates in doubles).
/// </summary>
public sealed class InfToOneNormRun33Examples
{
    [Fact]
    public void Compute_ReturnsTheMaximizerWithLastEntryPlusOne()
    {
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.2 }, { 0.2, 1.0 } });
        var result = InfToOneNorm.Compute(h);
        Assert.Equal(new[] { 1.0, 1.0 }, result.Maximizer);
        Assert.Equal(2, result.Vertices);
        // 1e-15: the documented 2d·2^-53·Σ|H_ij| = 4·2^-53·1.5 ≈ 6.7e-16, plus the decimal entries' own rounding (≈ 1e-16).
        Assert.Equal(1.5, result.Value, 1e-15);
    }
}
