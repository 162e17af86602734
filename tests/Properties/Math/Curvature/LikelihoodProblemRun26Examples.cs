using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LikelihoodProblem.FisherTailBound"/> in the ordinary range (the plain sum): Σ_n t_n·(‖J_n‖_F² + Σ_m
/// ‖∇²f_n^(m)‖_F) with t_n the truncated Poisson rule's tail bound. Curved-linear model f = xθ + (κ/2)θ² (D = 1) at θ = 0:
/// f = 0 for every sample (rate 1, so one t for all), J = x and ∇²f = κ, whose Frobenius norm is |κ|. With x = 3 and
/// x = −2 the bound is t·(9 + |κ|) + t·(4 + |κ|) = 21t for κ = ±4, a model Hessian that is not zero so that its norm is
/// seen to be added.
/// </summary>
public class LikelihoodProblemRun26Examples
{
    [Theory]
    [InlineData(4.0)]
    [InlineData(-4.0)]
    public void FisherTailBound_IsTheTailTimesJacobianSquaredPlusHessianNorm(double kappa)
    {
        double tail = new PoissonLog().Expectation(Vector<double>.Build.Dense(1)).TailBound;
        Assert.True(tail > 0);
        var p = new LikelihoodProblem(new CurvedLinearModel(1, kappa), new PoissonLog(),
            new Dataset([Vector<double>.Build.Dense(1, 3.0), Vector<double>.Build.Dense(1, -2.0)], [0.0, 2.0]));
        double bound = p.FisherTailBound(Vector<double>.Build.Dense(1));
        var exact = ExactDouble.ToFraction(tail) * 21;
        // Relative 4u: t·13 and the final sum are the only roundings (‖J‖ = |x| and ‖κ‖ = |κ| are exact for 1×1 matrices,
        // t·8 is exact); the wrong forms are off by a factor (−1, 5/21, 10/21), far outside this.
        var error = Fraction.Abs(ExactDouble.ToFraction(bound) - exact);
        Assert.True(error <= exact * 4 / new Fraction(System.Numerics.BigInteger.Pow(2, 53)), $"bound {bound:R}, 21t = {21 * tail:R}");
    }
}
