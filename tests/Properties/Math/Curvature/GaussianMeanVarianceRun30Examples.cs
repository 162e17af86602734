using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The factors P ⊙ Q = ∇²_f log p(y|f) of the Gaussian mean–variance likelihood (f = (μ, v), a = (y − μ)/v), which the
/// curvature matrices use where the Hessian's entries leave the double range: their entrywise product must be the Hessian
/// [[−1/v, −a/v], [−a/v, 1/(2v²) − a²/v]], which is symmetric. By hand at y = 3, μ = 1, v = 2 (a = 1):
/// [[−1/2, −1/2], [−1/2, 1/8 − 1/2 = −3/8]], and at y = −1, μ = 1, v = 4 (a = −1/2): [[−1/4, 1/8], [1/8, 1/32 − 1/16 = −1/32]].
/// </summary>
public class GaussianMeanVarianceRun30Examples
{
    [Theory]
    [InlineData(3.0, 1.0, 2.0, -0.5, -0.5, -0.375)]
    [InlineData(-1.0, 1.0, 4.0, -0.25, 0.125, -0.03125)]
    public void HessianFactors_MultiplyToTheSymmetricHessian(double y, double mean, double variance, double mm, double mv, double vv)
    {
        var f = Vector<double>.Build.DenseOfArray([mean, variance]);
        var (p, q) = new GaussianMeanVariance().HessianFactors(y, f)!.Value;
        // Exact: every factor and product here is a dyadic rational of a few bits.
        var expected = new[,] { { mm, mv }, { mv, vv } };
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(expected[i, j], p[i, j] * q[i, j]);
    }
}
