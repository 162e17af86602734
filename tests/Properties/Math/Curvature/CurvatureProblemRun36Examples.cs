using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The expected negative Hessian E_y[−∇²_θ log p] (eq. 7.4's second form) on its plain path, by hand: a linear model with
/// bias, f = w·x + b, θ = (w, b), under N(y; f, 1) (eq. D.8). There ∇²_f log p = −1 for every y and ∇²_θ f = 0, so
/// each sample contributes JᵀJ = (x, 1)(x, 1)ᵀ whatever the label, and E[−∇²] = Σ_n (x_n, 1)(x_n, 1)ᵀ: positive
/// semi-definite, equal to the Fisher and the generalized Gauss–Newton matrix (eq. 7.9 for a linear model). The
/// scaled-sum path is checked elsewhere (inputs near 1e200); these small integers keep every product normal, so the plain
/// sum runs.
/// </summary>
public class CurvatureProblemRun36Examples
{
    /// <summary>
    /// x = (1, 2, −3), labels (5, −1, 0.5): Σ (x, 1)(x, 1)ᵀ = [[1 + 4 + 9, 1 + 2 − 3], [0, 3]] = [[14, 0], [0, 3]].
    /// Tolerance: the expectation sums the likelihood's quadrature weights times −(−1) per node, so each entry is
    /// Σ_n x-products · Σ_k w_k with Σ_k w_k = 1 to within a few roundings; 1e-12 relative is far above that and far
    /// below a sign or a dropped sample.
    /// </summary>
    [Fact]
    public void ExpectedNegativeHessian_OfALinearGaussianModel_IsTheSumOfJacobianGrams()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, 1);
        double[] xs = [1, 2, -3];
        double[] ys = [5, -1, 0.5];
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0),
            xs.Select(x => new[] { Float64.Of(x) }).ToArray(), ys.Select(y => new[] { Float64.Of(y) }).ToArray(),
            [Float64.Of(0.25), Float64.Of(-0.5)]);
        double[,] expected = { { 14, 0 }, { 0, 3 } };
        var e = problem.ExpectedNegativeHessian();
        var f = problem.Fisher();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.True(Math.Abs(e[i, j].Value - expected[i, j]) <= 1e-12 * 14, $"E[−∇²][{i}, {j}] = {e[i, j].Value:R}, expected {expected[i, j]}");
                Assert.True(Math.Abs(f[i, j].Value - expected[i, j]) <= 1e-12 * 14, $"F[{i}, {j}] = {f[i, j].Value:R}, expected {expected[i, j]}");
            }
    }
}
