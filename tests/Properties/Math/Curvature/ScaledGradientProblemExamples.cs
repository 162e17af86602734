using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Problem-level members where ∇_f log p falls below 2^-1022 before J_n or ∇²f_n scales it back into the normal range
/// (issue 15, item 1): the likelihood gives it as M·2^E (<see cref="LikelihoodBase.GradientScaledWhereNeeded"/>), and the
/// scores, the residual terms and the empirical-Fisher split keep its digits. Each example came out 0 before stop 36.
/// </summary>
public class ScaledGradientProblemExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static void AssertUlps(double computed, Fraction exact, double ulps, string what) =>
        Assert.True(ExactDouble.UlpError(computed, RationalInterval.Exact(exact)) <= ulps,
            $"{what} = {computed:R}, exact {ExactDouble.ToDouble(exact):R}");

    /// <summary>
    /// Gaussian σ² = 1.7e271, x = 1.3e191, y = 1e-57 at θ = 0 (f = 0): g = y/σ² ≈ 5.9e-329 rounds to 0 as a double, s₀ = x·g ≈
    /// 7.6e-138. 2 ulp: g's mantissa quotient and the product, each rounded once.
    /// </summary>
    [Fact]
    public void GaussianScore_WhoseGradientUnderflows_KeepsItsDigits()
    {
        const double x = 1.3e191, y = 1e-57, variance = 1.7e271;
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(variance), new Dataset([V(x)], [y]));
        var s = p.Score(0, V(0, 0), y);
        AssertUlps(s[0], F(x) * F(y) / F(variance), 2, "s₀");
        AssertUlps(p.RiskGradient(V(0, 0))[0], -F(x) * F(y) / F(variance), 2, "∇R₀");
        AssertUlps(p.EmpiricalFisher(V(0, 0))[0, 0], F(x) * F(x) * F(y) * F(y) / (F(variance) * F(variance)), 6, "F̃₀₀");
    }

    /// <summary>
    /// Bernoulli logit at f = −800 (θ = (0, −800)), y = 0, x = 1e300: ∇ = −σ(−800) ≈ −3.7e-348 is 0 as a double, s₀ = x·∇ ≈
    /// −3.7e-48. 5 ulp: e^t's 3u (ScaledExp) and the product's rounding, against a 96-bit enclosure.
    /// </summary>
    [Fact]
    public void LogitScore_WhoseGradientUnderflows_KeepsItsDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1), new BernoulliLogit(), new Dataset([V(x)], [0]));
        var e = ExactExp.Of(-800.0, 96);
        var exact = -(e / (RationalInterval.Exact(1.0) + e)) * RationalInterval.Exact(x);
        double s0 = p.Score(0, V(0, -800), 0)[0];
        Assert.True(ExactDouble.UlpError(s0, exact) <= 5, $"s₀ = {s0:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
    }

    /// <summary>
    /// Curved-linear model f = xθ + (κ/2)θ² with κ = 1e300 at x = 0, θ = 0 (J = 0, ∇²f = κ), Gaussian σ² = 1e300, y = 1e-30:
    /// g = y/σ² = 1e-330 is 0 as a double, and every curvature term is g·κ = 1e-30: ∇²R = −g·κ, the residual term (eq. 7.9)
    /// Σ[∇_b a]∇²f = −g·κ, the same for the canonical split. 2 ulp: g's quotient and the product.
    /// </summary>
    [Fact]
    public void ResidualTerms_WhoseGradientUnderflows_KeepTheirDigits()
    {
        const double kappa = 1e300, variance = 1e300, y = 1e-30;
        var p = new LikelihoodProblem(new CurvedLinearModel(1, kappa), new GaussianIdentity(variance), new Dataset([V(0)], [y]));
        var exact = -F(y) / F(variance) * F(kappa);
        AssertUlps(p.Hessian(V(0))[0, 0], exact, 2, "∇²R");
        AssertUlps(p.ResidualTerm(V(0))[0, 0], exact, 2, "residual term");
        AssertUlps(Splits.ResidualTerm(Splits.Canonical(p), V(0))[0, 0], exact, 2, "canonical split's residual term");
        AssertUlps(p.LogDensityHessian(0, V(0), y)[0, 0], -exact, 2, "∇²_θ log p");
    }

    /// <summary>
    /// The empirical-Fisher split's GGN s sᵀ (eq. 7.17) where b·s underflows and s₀ = x₀·g ≈ 3.2e-344 is below the subnormal
    /// range (the sample of ProblemRangeRejectionExamples.EmpiricalFisher_WhoseScoreEntryUnderflows_IsTheExactSum, alone):
    /// G[0, 1] = x₀x₁g² ≈ −2.7e-111. 16 ulp: F̃'s 15 there and the symmetrization.
    /// </summary>
    [Fact]
    public void EmpiricalFisherSplitGgn_WhoseScoreEntryUnderflows_IsTheExactProduct()
    {
        const double x0 = 2.10938695207801E-309, x1 = -5.375465361771726E+267, y = 1.3333155530460174E+188, variance = 8.638364187363286E+222;
        var p = new LikelihoodProblem(new LinearModel(2, 1, false), new GaussianIdentity(variance), new Dataset([V(x0, x1)], [y]));
        var theta = V(5.351097043477547E-197, 8.31632781251592E-112);
        var g = (F(y) - F(p.Output(0, theta)[0])) / F(variance);
        var exact = F(x0) * F(x1) * g * g;
        AssertUlps(Splits.GeneralizedGaussNewton(Splits.EmpiricalFisher(p), theta)[0, 1], exact, 16, "G[0, 1]");
    }
}
