using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Problem-level members where ∇²_f log p or an expectation weight falls below 2^-1022 before J_n scales it back into the
/// normal range (issue 15, item 1): the likelihood gives it as M·2^E (<see cref="LikelihoodBase.HessianScaledWhereNeeded"/>,
/// <see cref="LikelihoodBase.WeightsScaledWhereNeeded"/>). Each example came out 0 before stop 37; the linear-model Fisher
/// cases are Review36Examples.
/// </summary>
public class ScaledHessianProblemExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static void AssertUlps(double computed, RationalInterval exact, double ulps, string what) =>
        Assert.True(ExactDouble.UlpError(computed, exact) <= ulps, $"{what} = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");

    /// <summary>
    /// Canonical split (eq. 7.13) of the Bernoulli logit at f = −800, x = 1e300: G₀₀ = x²·σ(f)σ(−f) = x²e/(1 + e)² with
    /// e = e^-800, ≈ 3.7e252, and so is ∇²R₀₀ = −∇²_θ log p (∇²f = 0). 6 ulp: the M·2^E Hessian's 3u, the term w·x·h·x's three
    /// roundings, and the 96-bit enclosure.
    /// </summary>
    [Fact]
    public void LogitCanonicalSplitAndRiskHessian_WhoseLikelihoodHessianUnderflows_KeepTheirDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1), new BernoulliLogit(), new Dataset([V(x)], [1]));
        var e = ExactExp.Of(-800.0, 96);
        var one = RationalInterval.Exact(1.0);
        var exact = RationalInterval.Exact(x) * RationalInterval.Exact(x) * e / ((one + e) * (one + e));
        AssertUlps(Splits.GeneralizedGaussNewton(Splits.Canonical(p), V(0, -800))[0, 0], exact, 6, "G₀₀");
        AssertUlps(p.Hessian(V(0, -800))[0, 0], exact, 6, "∇²R₀₀");
    }

    /// <summary>
    /// Poisson at f = −800, y = 0, x = 1e300: E[−∇²]₀₀ = G₀₀ = x²λ, λ = e^-800 ≈ 3.7e252 (the Hessian −λ does not depend on
    /// y). 6 ulp as above; E[−∇²] sums the nodes' equal Hessians with weights summing to 1 within the rule's rounding.
    /// </summary>
    [Fact]
    public void PoissonExpectedHessianAndGgn_WhoseRateUnderflows_KeepTheirDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1), new PoissonLog(), new Dataset([V(x)], [0]));
        var exact = RationalInterval.Exact(x) * RationalInterval.Exact(x) * ExactExp.Of(-800.0, 96);
        AssertUlps(p.ExpectedNegativeHessian(V(0, -800))[0, 0], exact, 6, "E[−∇²]₀₀");
        AssertUlps(p.GeneralizedGaussNewton(V(0, -800))[0, 0], exact, 6, "G₀₀");
    }

    /// <summary>
    /// 3-class softmax, linear model with one input and biases (0, −400, −400) at x = 1e300: f = (0, −400, −400), whose
    /// π₁π₂ = e^-800/(1 + 2e^-400)² is 0 as a product of doubles (each π is e^-400 ≈ 1.9e-174). The GGN entry of the two
    /// weights W₁, W₂ (θ indices 2 and 4) is −x²π₁π₂ ≈ −3.7e252. 13 ulp: each π within 4u (ScaledExp's 3u and the mantissa
    /// quotient's u; f_c − max f is exact and s = 1 + 2e^-400 rounds to 1, far below u from it), the product's u, the
    /// term's three roundings and the final one.
    /// </summary>
    [Fact]
    public void SoftmaxGgn_WhoseProbabilityProductUnderflows_KeepsItsDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1, 3), new CategoricalSoftmax(3), new Dataset([V(x)], [0]));
        var theta = V(0, 0, 0, -400, 0, -400);
        var e = ExactExp.Of(-400.0, 96);
        var s = RationalInterval.Exact(1.0) + e + e;
        var exact = -(RationalInterval.Exact(x) * RationalInterval.Exact(x) * (e / s) * (e / s));
        AssertUlps(p.GeneralizedGaussNewton(theta)[2, 4], exact, 13, "G[W₁, W₂]");
        AssertUlps(p.ExpectedNegativeHessian(theta)[2, 4], exact, 13, "E[−∇²][W₁, W₂]");
    }

    /// <summary>
    /// Gaussian identity σ² = 1 and mean–variance v = 1 at μ = 1e20, x = 1: the rule's nodes μ ± √3 round to μ, so the Fisher
    /// from the nodes came out 0; evaluated at the offsets ∓√3 (<see cref="ExpectationRule.Offsets"/>) it is F = x²/σ² = 1
    /// for the identity, and F_μμ = x²/v = 1, F_vv = x²/(2v²) = ½ for the mean–variance, with E[−∇²] the same (its vv entry
    /// −E[1/(2v²) − a²/v] came out −½ from nodes where a = 0). 16 ulp: the
    /// offsets' 3.01u doubled in g_k², the gradient's quotient and the mean–variance ∇_v = a²/2 − 1/(2v), whose a²/2 = 3/2
    /// amplifies a²'s error by 3/2 against the result 1.
    /// </summary>
    [Fact]
    public void GaussianFisher_FarFromZero_IsNotLostInTheNodes()
    {
        var identity = new LikelihoodProblem(new LinearModel(1, bias: false), new GaussianIdentity(1), new Dataset([V(1)], [1e20]));
        AssertUlps(identity.Fisher(V(1e20))[0, 0], RationalInterval.Exact(1.0), 16, "F (identity)");
        var meanVariance = new LikelihoodProblem(new LinearModel(1, 2, bias: false), new GaussianMeanVariance(), new Dataset([V(1)], [1e20]));
        var fisher = meanVariance.Fisher(V(1e20, 1));
        AssertUlps(fisher[0, 0], RationalInterval.Exact(1.0), 16, "F_μμ");
        AssertUlps(fisher[1, 1], RationalInterval.Exact(0.5), 16, "F_vv");
        var expected = meanVariance.ExpectedNegativeHessian(V(1e20, 1));
        AssertUlps(expected[0, 0], RationalInterval.Exact(1.0), 16, "E[−∇²]_μμ");
        AssertUlps(expected[1, 1], RationalInterval.Exact(0.5), 16, "E[−∇²]_vv");
    }

    /// <summary>
    /// The empirical-Fisher split's ∇²_θ b = b(s sᵀ + ∇²_θ log p) (eq. 7.17) for the logit at f = −800, y = 0, x = 1e300:
    /// with e = e^-800, b = 1/(1 + e), s = −x·e/(1 + e) and ∇²_θ log p = −x²·e/(1 + e)², so the entry is
    /// −b·x²·e(1 − e)/(1 + e)² ≈ −3.7e252; the likelihood Hessian e^-800 was 0 as a double. 18 ulp: the split's stated
    /// 18u·Σ|terms| (its class remarks), Σ|terms| within 1 + 2e of the entry.
    /// </summary>
    [Fact]
    public void EmpiricalFisherInnerHessian_WhoseLikelihoodHessianUnderflows_KeepsItsDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1), new BernoulliLogit(), new Dataset([V(x)], [0]));
        var e = ExactExp.Of(-800.0, 96);
        var one = RationalInterval.Exact(1.0);
        var xx = RationalInterval.Exact(x) * RationalInterval.Exact(x);
        var exact = -(xx * e * (one - e) / ((one + e) * (one + e) * (one + e)));
        AssertUlps(Splits.EmpiricalFisher(p).InnerHessians(0, V(0, -800))[0][0, 0], exact, 18, "∇²b₀₀");
    }
}
