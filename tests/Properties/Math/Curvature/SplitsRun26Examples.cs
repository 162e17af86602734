using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The identity split (balles-thesis eq. 7.12): b_n(θ) = θ and a_n = ℓ_n = −log p, so ∇²_b a_n = ∇²ℓ_n = −∇²_θ log p
/// and its GGN Σ_n Iᵀ∇²ℓ_n I is the Hessian of R, positive here. Poisson log-rate, f = θ₀x + θ₁, at θ = 0 (λ = e⁰ = 1):
/// ∇²ℓ_n = λ·(x, 1)(x, 1)ᵀ, so for x = 2 and x = 3 the Hessian is [[13, 5], [5, 2]], exact in doubles; the inner
/// Hessians are zero, so the residual term is 0.
/// </summary>
public class SplitsRun26Examples
{
    [Fact]
    public void IdentitySplitGgn_IsTheHessianOfTheLoss()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new PoissonLog(),
            new Dataset([Vector<double>.Build.Dense(1, 2.0), Vector<double>.Build.Dense(1, 3.0)], [1.0, 4.0]));
        var theta = Vector<double>.Build.Dense(2);
        var split = Splits.Identity(p);
        var expected = Matrix<double>.Build.DenseOfArray(new double[,] { { 13, 5 }, { 5, 2 } });
        Assert.Equal(expected, split.OuterHessian(0, theta) + split.OuterHessian(1, theta));
        Assert.Equal(expected, Splits.GeneralizedGaussNewton(split, theta));
        Assert.Equal(expected, p.Hessian(theta));
        Assert.Equal(Matrix<double>.Build.Dense(2, 2), Splits.ResidualTerm(split, theta));
    }
}
