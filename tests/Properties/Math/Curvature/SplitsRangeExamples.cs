using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The empirical-Fisher split (balles-thesis eq. 7.17) where its factors leave the double range (issue 15, item 1):
/// b = p(y|f) = e^{−ℓ} underflows and 1/b² overflows for a sample loss ℓ above ≈ 354, while the GGN term (b s)(1/b²)(b s)ᵀ
/// = s sᵀ is moderate; the factored product gave ∞ (b s finite, 1/b² = ∞) or NaN = 0·∞ (b = 0, ℓ &gt; 745).
/// </summary>
public class SplitsRangeExamples
{
    /// <summary>
    /// f = θ₀x + θ₁, Gaussian σ² = 1, one sample x = 1, y = 0, θ = (30, 0): r = 30, ℓ = r²/2 + ½log 2π ≈ 450.9,
    /// s = ∇_θ log p = −r·(x, 1) = −30·(1, 1), ∇²_θ log p = −(1, 1)(1, 1)ᵀ. By hand: GGN = s sᵀ = 900·11ᵀ and the
    /// residual term −(s sᵀ + ∇²_θ log p) = −899·11ᵀ (the GGN was +∞ in every entry; the residual's factors are still finite here).
    /// </summary>
    [Fact]
    public void EmpiricalFisherSplit_LargeLoss_GivesTheCancelledForm()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(),
            new Dataset([Vector<double>.Build.Dense(1, 1.0)], [0.0]));
        var theta = Vector<double>.Build.DenseOfArray([30.0, 0.0]);
        var split = Splits.EmpiricalFisher(p);
        var ggn = Splits.GeneralizedGaussNewton(split, theta);
        var residual = Splits.ResidualTerm(split, theta);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.InRange(ggn[i, j], 900 * (1 - 1e-14), 900 * (1 + 1e-14));
                Assert.InRange(residual[i, j], -899 * (1 + 1e-14), -899 * (1 - 1e-14));
            }
    }
}
