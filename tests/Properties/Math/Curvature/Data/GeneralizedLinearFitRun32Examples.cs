using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Data;

/// <summary>
/// <see cref="GeneralizedLinearFit"/> for the Gaussian likelihood with a variance σ² ≠ 1 (Fig. 7.2's generalized linear
/// models, Prop. 7.1): log p(y|f) = −(y − f)²/(2σ²) − ½log(2πσ²), so ∂_f log p = (y − f)/σ² and −∂²_f log p = 1/σ²
/// (at σ² = 4, y = 3, f = 1: 1/2 and 1/4, exact); and the Fisher matrix of a linear fit is F = Σ_n x̃_n x̃_nᵀ/σ², by hand
/// [[10, 4], [4, 2]]/4 for the inputs 1 and 3 with bias (mutation run 30: only σ² = 1 was checked, where σ² and 1/σ² agree).
/// </summary>
public sealed class GeneralizedLinearFitRun32Examples
{
    [Theory]
    [InlineData(4.0, 3.0, 1.0, 0.5, 0.25)]
    [InlineData(0.5, 1.0, 2.0, -2.0, 2.0)]
    public void GaussianIdentity_ScoreAndWeight_AreResidualOverVarianceAndItsReciprocal(
        double variance, double y, double f, double score, double weight)
    {
        var likelihood = new GaussianIdentity(variance);
        var derivatives = GeneralizedLinearFit.ScalarDerivatives(likelihood);
        Assert.NotNull(derivatives);

        // Powers of two and small integers: every value is exact in doubles.
        Assert.Equal((score, weight), derivatives(y, f));
        var at = Vector<double>.Build.Dense(1, f);
        Assert.Equal(score, likelihood.Gradient(y, at)[0]);
        Assert.Equal(weight, -likelihood.Hessian(y, at)[0, 0]);
    }

    [Fact]
    public void GaussianIdentity_FisherOfALinearFit_IsTheFeatureGramOverTheVariance()
    {
        var data = new Dataset([Vector<double>.Build.Dense(1, 1.0), Vector<double>.Build.Dense(1, 3.0)], [2.0, 5.0]);

        var fit = GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1), new GaussianIdentity(4), data);

        // Each term w·x_i·x_j with w = 1/4 and small integers is exact, and so are their sums.
        Assert.Equal(2.5, fit.Fisher[0, 0]);
        Assert.Equal(1.0, fit.Fisher[0, 1]);
        Assert.Equal(1.0, fit.Fisher[1, 0]);
        Assert.Equal(0.5, fit.Fisher[1, 1]);
        // The line through (1, 2) and (3, 5) is θ = (3/2, 1/2), whatever σ²: least squares in one Newton step.
        Assert.Equal(1.5, fit.Theta[0], 1e-12); // tolerance: the Newton solve's roundings on numbers of size 1
        Assert.Equal(0.5, fit.Theta[1], 1e-12);
    }
}
