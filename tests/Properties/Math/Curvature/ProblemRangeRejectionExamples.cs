using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The inputs where <see cref="LikelihoodProblemRangeProperties"/> and <see cref="CurvatureProblemRangeProperties"/> first
/// failed (issue 15, item 1): a per-sample piece beyond ±double.MaxValue is now rejected naming θ and the double range,
/// where the rejection named no range or an internal parameter, and the GGN no longer falls with the residual term beside it.
/// </summary>
public class ProblemRangeRejectionExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>An <see cref="ArgumentException"/> or subclass (<see cref="Verification.Numerics.DoubleRangeException"/>) naming the parameter, with the message part.</summary>
    private static void RejectsInRange(Action act, string parameter, string messagePart)
    {
        var e = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
    }

    private static CurvatureProblem<Float64> Curved(double kappa, double[][] x, double[] y, double[] theta) =>
        new(new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, theta.Length), Float64.Of(kappa),
            x.Select(xn => xn.Select(Float64.Of).ToArray()).ToArray(), y.Select(v => new[] { Float64.Of(v) }).ToArray(),
            theta.Select(Float64.Of).ToArray());

    /// <summary>
    /// Linear fit, x = (1.7e294, 1), θ = (2e239, 0): f ≈ 3.4e533 is beyond the range. The rejection was the likelihood's
    /// "f(x_0, θ)[0] must be finite, got Infinity" (parameter "f(x_0, θ)").
    /// </summary>
    [Fact]
    public void LikelihoodProblem_WithAnOutputBeyondTheRange_RejectsNamingTheRange()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([V(1.6804817401785652E+294)], [0.0]));
        ArgumentAssert.Rejects(() => p.GeneralizedGaussNewton(V(2e239, 0)), "theta", "f(x_0, θ) of linear(D=1,M=1) is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Linear fit, σ² = 3.5e-10, x = 3.8e71, y = −1.1e278 at θ ≈ 0: s = x·y/σ² ≈ −1e359 is beyond the range (and F̃ = s² with
    /// it). The rejection was the scaled sum's "a factor of a scaled sum must be finite" (parameter "factors").
    /// </summary>
    [Fact]
    public void EmpiricalFisher_WithAScoreBeyondTheRange_RejectsNamingTheRange()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(3.5330136851932E-10), new Dataset([V(3.821102821794975E+71)], [-1.0849715023736866E+278]));
        ArgumentAssert.Rejects(() => p.EmpiricalFisher(V(1.1125021859460726E-256, -6.630505991287693E-254)), "theta", "s_0 of linear(D=1,M=1) with");
    }

    /// <summary>
    /// Curved-linear Gaussian, κ = 0, x₀ = 4.3e238, θ₀ = 2.7e185: f ≈ 1.2e424. ∇²R, the identity split and F̃ were rejected by
    /// the jets' Float64 "±∞·0 is undetermined" (parameter "b").
    /// </summary>
    [Fact]
    public void CurvatureProblemForwardMode_WithAnOutputBeyondTheRange_RejectsNamingTheRange()
    {
        var p = Curved(0, [[4.3222037750067673E+238]], [0], [2.7194265232218475E+185]);
        RejectsInRange(() => p.RiskHessian(), "theta", "f(x_0, θ) of curved-linear(D=1) is beyond ±double.MaxValue");
        RejectsInRange(() => p.EmpiricalFisher(), "theta", "f(x_0, θ) of curved-linear(D=1) is beyond ±double.MaxValue");
        RejectsInRange(() => p.Split(SplitKind.Identity), "theta", "f(x_0, θ) of curved-linear(D=1) is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Curved-linear Gaussian, κ = 0, x = −3.6e31, θ = 3.7e135, y = 0: f ≈ −1.3e167 is finite but ℓ = f²/2 ≈ 9e333 is not.
    /// ∇²R = x² ≈ 1.3e63 is finite; the jets carry ℓ as their value, and the rejection was Float64's "the quotient of
    /// −Infinity by 2" (parameter "b"). Now it names θ and the range.
    /// </summary>
    [Fact]
    public void CurvatureProblemForwardMode_WithALossBeyondTheRange_RejectsNamingTheRange()
    {
        var p = Curved(0, [[-3.5711708369910915E+31]], [0], [3.748754580849153E+135]);
        RejectsInRange(() => p.RiskHessian(), "theta", "(a loss ℓ_n or a derivative part) is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Curved-linear Gaussian, x = 1, θ = 1e-300, κ = 1e10, y = 1e300: the residual term −(y − f)κ ≈ −1e310 is beyond the
    /// range, the GGN (x + κθ)² = 1 is not. <see cref="CurvatureProblem{T}.GeneralizedGaussNewton"/> was rejected with the
    /// residual; <see cref="CurvatureProblem{T}.Split"/>, which returns both, still is.
    /// </summary>
    [Fact]
    public void CurvatureProblemGgn_BesideAResidualTermBeyondTheRange_IsFinite()
    {
        var p = Curved(1e10, [[1]], [1e300], [1e-300]);
        Assert.Equal(1.0, p.GeneralizedGaussNewton()[0, 0].Value);
        RejectsInRange(() => p.Split(SplitKind.Canonical), "theta", "residual term of gaussian-identity is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Bernoulli probability, f = θ₀x + θ₁ at θ = (1.3e-308, 0): the scores in θ₀ are x_n·g_n, ≈ 5.2e166, 1.8e130, 7.5e307
    /// and −2.4e308 (x = 5.7e307, q = 0.76, y = 0: g = −1/(1 − q) ≈ −4.2), the last beyond the range. ∇R was +∞, while the
    /// exact −Σ_n s_n ≈ 1.7e308 is finite: a score beyond the range beside finite scores of the opposite sign is rejected.
    /// </summary>
    [Fact]
    public void RiskGradient_WithAScoreBeyondTheRangeBesideScoresOfTheOppositeSign_Rejects()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new BernoulliProbability(), new Dataset(
            [V(3.944392283320016E+166), V(5.46263620557091E+130), V(1.1133370383587093E+307), V(5.739739283644568E+307)], [0.0, 1.0, 1.0, 0.0]));
        ArgumentAssert.Rejects(() => p.RiskGradient(V(1.3245373570626366E-308, 0)), "theta", "beside scores of the opposite sign");
    }

    /// <summary>
    /// Gaussian σ² = 8.6e222, sample x = (2.1e-309, −5.4e267), y = 1.3e188 with f ≈ −4.5e156: g = (y − f)/σ² ≈ 1.5e-35 and
    /// s = g·(x, 1) has s₀ ≈ 3.2e-344, below the subnormal range, so the plain s₀·s₁ was 0 where F̃[0, 1] = x₀x₁g² ≈ −2.7e-111
    /// (the other two samples add below 1e-800). 15 ulp: the scaled sum's (N·M² + 4)·u = 7u and g² carrying 2·4u.
    /// </summary>
    [Fact]
    public void EmpiricalFisher_WhoseScoreEntryUnderflows_IsTheExactSum()
    {
        const double x0 = 2.10938695207801E-309, x1 = -5.375465361771726E+267, y = 1.3333155530460174E+188, variance = 8.638364187363286E+222;
        var p = new LikelihoodProblem(new LinearModel(2), new GaussianIdentity(variance), new Dataset(
            [V(-9.81697009476858E-219, 6.135908172219792E-219), V(-0.0, 6.058023683501457E+95), V(x0, x1)], [-0.0, 0.0, y]));
        var theta = V(5.351097043477547E-197, 8.31632781251592E-112, -0.0);
        var g = (ExactDouble.ToFraction(y) - ExactDouble.ToFraction(p.Output(2, theta)[0])) / ExactDouble.ToFraction(variance);
        var exact = ExactDouble.ToFraction(x0) * ExactDouble.ToFraction(x1) * g * g;
        double computed = p.EmpiricalFisher(theta)[0, 1];
        Assert.True(ExactDouble.UlpError(computed, RationalInterval.Exact(exact)) <= 15, $"F̃[0, 1] = {computed:R}, exact {ExactDouble.ToDouble(exact):R}");
    }

    /// <summary>
    /// The jets' own rejection of an underflowed part scaled back up names θ, as every other forward-mode rejection does
    /// (it named exp's argument, "(Parameter 'x')"; the tanh MLP case that showed it through the empirical-Fisher split
    /// takes the closed-form pieces since stop 39). Curved-linear Poisson, κ = 1.5, x = (688.5, 0), θ = (1, 3e-310), y = 3:
    /// ∂f/∂θ₁ = κθ₁ ≈ 4.5e-310 is rounded onto the subnormal grid in the jets, then e^f = e^689.25 ≈ 2e299 scales that rounding
    /// into the normal range, so ∇²R[0, 1] = λ·J₀·J₁ ≈ 7e-8 (in range) is rejected under the jets' documented rule.
    /// </summary>
    [Fact]
    public void RiskHessian_WhereAJetRejectsAnUnderflowedPart_NamesTheta()
    {
        var p = new CurvatureProblem<Float64>(new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.PoissonLog, 2), Float64.Of(1.5),
            [[Float64.Of(688.5), Float64.Of(0)]], [[Float64.Of(3)]], [Float64.Of(1), Float64.Of(3e-310)]);
        RejectsInRange(() => p.RiskHessian(), "theta", "an underflowed part of it is scaled back up");
    }
}
