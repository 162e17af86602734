using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The empirical-Fisher split's GGN Σ_n s_n s_nᵀ (balles-thesis eq. 7.17) where samples' terms are beyond the range with
/// opposite signs (found by <see cref="EmpiricalFisherSplitLogitPoissonRangeProperties"/>: +∞ and −∞ summed to NaN).
/// </summary>
/// <remarks>
/// Poisson log rate, f = θ₀x + θ₁ with θ = (0, 449), x = −1 and 1, y = 0: f = 449 exactly for both, g = −λ = −e^449 ≈ −5.2e194,
/// s_n = g·(x_n, 1). G = λ²·Σ_n (x_n, 1)(x_n, 1)ᵀ: G[0, 1] = λ²·(−1 + 1) = 0 exactly, G[0, 0] = G[1, 1] = 2λ² beyond the range.
/// </remarks>
public class EmpiricalFisherSplitGgnOverflowExamples
{
    /// <summary>G[0, 1] is exactly 0 (was NaN), the diagonal +∞ (exact 2λ² ≈ 5.4e389).</summary>
    [Fact]
    public void PoissonGgn_WithOppositeOverflowingTerms_IsNotNaN()
    {
        var problem = new LikelihoodProblem(new LinearModel(1, 1, true), new PoissonLog(),
            new Dataset([Vector<double>.Build.Dense([-1.0]), Vector<double>.Build.Dense([1.0])], [0, 0]));
        var g = Splits.GeneralizedGaussNewton(Splits.EmpiricalFisher(problem), Vector<double>.Build.Dense([0.0, 449]));
        Assert.Equal(0.0, g[0, 1]);
        Assert.Equal(0.0, g[1, 0]);
        Assert.Equal(double.PositiveInfinity, g[0, 0]);
        Assert.Equal(double.PositiveInfinity, g[1, 1]);
    }
}
