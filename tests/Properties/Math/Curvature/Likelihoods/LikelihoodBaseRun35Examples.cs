using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// <see cref="LikelihoodBase"/>'s factor form P ⊙ Q of ∇²_f log p (used for the curvature matrices of eqs. 7.8–7.14 where
/// ∇²_f log p leaves the double range) validates y and f as <see cref="LikelihoodBase.Hessian"/> does (mutation run 34: the
/// check could be dropped): for the Gaussian mean–variance likelihood (Prop. 7.1's control) a variance f₁ ≤ 0 is outside the
/// domain, so the factors −1/v, 1/v there would be meaningless; at v = 1 (y = μ) the factors multiply to ∇² = diag(−1, ½).
/// </summary>
public sealed class LikelihoodBaseRun35Examples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public void HessianFactors_OfANonPositiveVariance_AreRejected(double variance)
    {
        var likelihood = new GaussianMeanVariance();
        ArgumentAssert.Rejects(() => likelihood.HessianFactors(0, V(0, variance)), "f", "(a variance) must be > 0");
    }

    [Fact]
    public void HessianFactors_OfAWrongLengthOutput_AreRejected()
    {
        var likelihood = new GaussianMeanVariance();
        var e = Assert.ThrowsAny<ArgumentException>(() => likelihood.HessianFactors(0, V(0, 1, 2)));
        Assert.Equal("f", e.ParamName);
    }

    [Fact]
    public void HessianFactors_AtUnitVariance_MultiplyToTheHessian()
    {
        // y = μ = 0, v = 1: a = 0, so ∇² = [[−1/v, 0], [0, 1/(2v²)]] = diag(−1, ½), all exact.
        var (p, q) = new GaussianMeanVariance().HessianFactors(0, V(0, 1))!.Value;
        var product = p.PointwiseMultiply(q);
        Assert.Equal(-1.0, product[0, 0]);
        Assert.Equal(0.0, product[0, 1]);
        Assert.Equal(0.0, product[1, 0]);
        Assert.Equal(0.5, product[1, 1]);
    }
}
