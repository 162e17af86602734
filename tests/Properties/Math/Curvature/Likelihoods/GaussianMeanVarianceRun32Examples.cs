using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The Gaussian on (mean, variance) is Prop. 7.1's control: f = (μ, v) is not a natural parameter, because ∇²_f log p
/// depends on y. By hand at μ = 0, v = 1 the cross entry −(y − μ)/v² is 0 at y = 0 and −2 at y = 2, and the variance entry
/// 1/(2v²) − (y − μ)²/v³ is 1/2 and −7/2; so the likelihood must not report itself as natural (mutation run 30: its flag
/// was not checked against this).
/// </summary>
public class GaussianMeanVarianceRun32Examples
{
    [Fact]
    public void HessianDependsOnTheLabel_SoTheParameterizationIsNotNatural()
    {
        var likelihood = new GaussianMeanVariance();
        var at = Vector<double>.Build.DenseOfArray([0.0, 1.0]);

        var atZero = likelihood.Hessian(0, at);
        var atTwo = likelihood.Hessian(2, at);

        // Small integers and halves with v = 1: every entry is exact in doubles.
        Assert.Equal(0.0, atZero[0, 1]);
        Assert.Equal(0.5, atZero[1, 1]);
        Assert.Equal(-2.0, atTwo[0, 1]);
        Assert.Equal(-3.5, atTwo[1, 1]);
        Assert.False(likelihood.IsNaturalParameterization);
    }
}
