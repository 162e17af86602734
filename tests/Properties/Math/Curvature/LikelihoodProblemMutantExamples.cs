using Fractions;
using Verification.Numerics.Exact;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The gradient covariance (eq. 7.22) on the plain path, by hand: f = θᵀx (no bias), Gaussian σ² = 1, θ = 0, so the score
/// of sample n is ±y_n·x_n; the entry [a, b] is Σ_n c_na c_nb / N with deviations c_n = Σ_m s_m − N·s_n (the sign of the
/// scores cancels in the products). Small integers: exact in doubles, compared exactly. And the plain path's Fisher, GGN
/// and expected negative Hessian (eqs. 7.2, 7.14) are exactly symmetric, as the matrices are and as the scaled path's
/// mirrored sum is: the products J_aᵀ(c·J_b) and J_bᵀ(c·J_a) round differently, and the symmetrization makes [a, b] and
/// [b, a] the same double.
/// The truncation bound of the Fisher where a Frobenius norm of ∇²f overflows (curved-linear model, κ = 1.5e308, D = 2:
/// ‖κI‖_F = √2·κ is beyond the range): the documented larger bound Σ t·(Σ J_ij² + Σ |∇²f_ij|), here t·(1 + 1 + 2κ).
/// </summary>
public class LikelihoodProblemMutantExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void GradientCovariance_OfScoresOneAndThree_IsFour()
    {
        // s = (1, 3): c = (4 − 2, 4 − 6) = (2, −2), Σc²/N = 8/2 = 4.
        var p = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(), new Dataset([V(1), V(1)], [1.0, 3.0]));
        Assert.Equal(4.0, p.GradientCovariance(V(0))[0, 0]);
    }

    [Fact]
    public void GradientCovariance_OfTwoUnitScores_IsTheCentredOuterProduct()
    {
        // s₁ = (1, 0), s₂ = (0, 1): c₁ = (−1, 1), c₂ = (1, −1), Σ cᵀc / 2 = [[1, −1], [−1, 1]].
        var p = new LikelihoodProblem(new LinearModel(2, 1, bias: false), new GaussianIdentity(),
            new Dataset([V(1, 0), V(0, 1)], [1.0, 1.0]));
        var cov = p.GradientCovariance(V(0, 0));
        Assert.Equal(1.0, cov[0, 0]);
        Assert.Equal(-1.0, cov[0, 1]);
        Assert.Equal(-1.0, cov[1, 0]);
        Assert.Equal(1.0, cov[1, 1]);
    }

    [Fact]
    public void CurvatureMatrices_OnThePlainPath_AreExactlySymmetric()
    {
        var p = new LikelihoodProblem(new LinearModel(2, 1, bias: true), new BernoulliLogit(),
            new Dataset([V(0.1, 0.7), V(1.3, -0.4), V(0.3, 2.9), V(-1.7, 0.6)], [1.0, 0.0, 1.0, 0.0]));
        var theta = V(0.3, -0.7, 0.2);
        foreach (var (name, matrix) in new[] { ("F", p.Fisher(theta)), ("G", p.GeneralizedGaussNewton(theta)), ("E[−∇²]", p.ExpectedNegativeHessian(theta)) })
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < a; b++)
                    Assert.True(matrix[a, b].Equals(matrix[b, a]), $"{name}[{a}, {b}] = {matrix[a, b]:R}, [{b}, {a}] = {matrix[b, a]:R}");
    }

    [Fact]
    public void FisherTailBound_WhereTheHessiansNormOverflows_CountsTheHessianEntries()
    {
        const double kappa = 1.5e308;
        double tail = new PoissonLog().Expectation(Vector<double>.Build.Dense(1)).TailBound;
        Assert.True(tail > 0);
        // f = (1, 1)·θ + κ/2·‖θ‖² at θ = 0: f = 0 (rate 1), J = (1, 1), ∇²f = κI.
        var problem = new LikelihoodProblem(new CurvedLinearModel(2, kappa), new PoissonLog(),
            new Dataset([Vector<double>.Build.DenseOfArray([1.0, 1.0])], [0.0]));
        double bound = problem.FisherTailBound(Vector<double>.Build.Dense(2));
        var exact = ExactDouble.ToFraction(tail) * (2 + 2 * ExactDouble.ToFraction(kappa));
        // Relative 8u: the documented (2 + T)·u with T = 4 nonzero terms, and the final rounding.
        var error = Fraction.Abs(ExactDouble.ToFraction(bound) - exact);
        Assert.True(error <= exact * 8 / new Fraction(System.Numerics.BigInteger.Pow(2, 53)), $"{bound:R}");
    }
}
