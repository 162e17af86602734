using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> in doubles where an intermediate product underflows while the matrix is a normal
/// double (issue 15, item 1). Expected values are the closed forms in rationals from the double inputs.
/// </summary>
public class CurvatureProblemRangeExamples
{
    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static void AssertUlps(double computed, Fraction exact, double ulps, string what) =>
        Assert.True(ExactDouble.UlpError(computed, RationalInterval.Exact(exact)) <= ulps,
            $"{what}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}");

    /// <summary>
    /// Gaussian mean–variance likelihood (f = (μ, v), not natural: the control of Prop. 7.1), linear model with one input
    /// x = 1e200 and θ = vec W = (0, 0, 1, 0), so μ = 0, v = x and J = [[x, 1, 0, 0], [0, 0, x, 1]]. The Fisher in (μ, v) is
    /// diag(1/v, 1/(2v²)) (eq. 7.2), so F = JᵀFJ has the μ block [[x²/v, x/v], [x/v, 1/v]] = [[x, 1], [1, 1/x]], the v block
    /// [[x²/(2v²), x/(2v²)], [x/(2v²), 1/(2v²)]] = [[½, 1/(2x)], [1/(2x), 1/(2x²)]] (the last ≈ 5e-401 rounds to 0) and
    /// zero off-diagonal blocks. The plain form rounded w·g_v² ≈ 1e-400 to 0 before Jᵀ(·)J scaled it up: F_vv was 0.
    /// Tolerance 36 ulp: the node score g_v = (r²/v − 1)/(2v) at r = ±√(3v) carries ≤ 9.5u (3v, √, r², /v, −1, /(2v)), its
    /// square 19u, the weight 1u and the scaled sum (k − 1 + T)·u ≤ 16u (k = 5 factors, T = 12 terms): 36u relative.
    /// </summary>
    [Fact]
    public void GaussianMeanVarianceFisher_WhoseInnerTermsUnderflow_IsExact()
    {
        const double x = 1e200;
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        var theta = new[] { 0.0, 0.0, 1.0, 0.0 }.Select(Float64.Of).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(x)]], [[Float64.Of(0.5)]], theta);
        var fisher = problem.Fisher();
        var qx = Q(x);
        var exact = new Fraction[,]
        {
            { qx, Fraction.One, 0, 0 },
            { Fraction.One, Fraction.One / qx, 0, 0 },
            { 0, 0, new Fraction(1, 2), Fraction.One / (2 * qx) },
            { 0, 0, Fraction.One / (2 * qx), Fraction.One / (2 * qx * qx) },
        };
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                AssertUlps(fisher[i, j].Value, exact[i, j], 36, $"F[{i},{j}]");
    }

    /// <summary>
    /// The same likelihood with two inputs x = (1e-200, 1e200) and θ = (0, 0, 0, 0, 0, v), v = 1e100 (μ = 0, variance v as the
    /// bias): J's variance row is (0, 0, 0, x₀, x₁, 1), so F[3, 4] = x₀x₁/(2v²) ≈ 5e-201, a normal double. Every w·g_i·g_j of
    /// the inner matrix is about 1e-200 (no underflow there), but the plain Jᵀ·inner·J formed x₀·1/(2v²) ≈ 5e-401 first, which
    /// rounded to 0 before x₁ scaled it back up: F[3, 4] came out 0 (and F[4, 3], formed the other way round, 5e-201).
    /// Tolerance 36 ulp, derived as for <see cref="GaussianMeanVarianceFisher_WhoseInnerTermsUnderflow_IsExact"/> (same
    /// nodes, five-factor terms, T = 12 terms per entry).
    /// </summary>
    [Fact]
    public void GaussianMeanVarianceFisher_WhoseJacobianTimesInnerUnderflows_IsExact()
    {
        const double x0 = 1e-200, x1 = 1e200, v = 1e100;
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 2);
        var theta = new[] { 0.0, 0.0, 0.0, 0.0, 0.0, v }.Select(Float64.Of).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(x0), Float64.Of(x1)]], [[Float64.Of(0.5)]], theta);
        var fisher = problem.Fisher();
        var exact = Q(x0) * Q(x1) / (2 * Q(v) * Q(v));
        AssertUlps(fisher[3, 4].Value, exact, 36, "F[3,4]");
        AssertUlps(fisher[4, 3].Value, exact, 36, "F[4,3]");
    }

    /// <summary>
    /// Ordinary inputs keep the plain form: at x = 2, θ = (0.5, 0, 1, 1) (μ = 1, v = 3) every factor is within [2^-100, 2^100],
    /// and the Fisher is the plain Jᵀ(Σ_k w_k g_k g_kᵀ)J entry for entry, computed here by the same products.
    /// </summary>
    [Fact]
    public void OrdinaryFisher_IsThePlainForm()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        var theta = new[] { 0.5, 0.0, 1.0, 1.0 }.Select(Float64.Of).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(2)]], [[Float64.Of(0.5)]], theta);
        var e = problem.Model(0);
        var inner = CurvatureProblem<Float64>.Zero(2);
        foreach (var (label, weight) in problem.Expectation(0))
        {
            var g = problem.LogDensityDerivatives(label, e.Value).Gradient;
            inner += weight * CurvatureProblem<Float64>.Outer(g, g);
        }
        var plain = e.Jacobian.Transpose() * inner * e.Jacobian;
        var fisher = problem.Fisher();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(plain[i, j].Value, fisher[i, j].Value);
    }
    /// <summary>
    /// Bernoulli logit, linear model with two inputs x = (2^-99, 2^99) (both within the ordinary [2^-100, 2^100]) and θ =
    /// (0, 700·2^-99, 0) (weights, then the bias), so f = 700 exactly and J = (x₀, x₁, 1): ∇²_f log p = −σ(700)σ(−700) ≈
    /// −9.9e-305 and the entry [0, 1] of the GGN and of E[−∇²_θ log p] is x₀x₁σ(700)σ(−700) = σ(700)σ(−700) = e^-700/(1 +
    /// e^-700)², a normal double. The plain Jᵀ·∇²_f log p·J formed x₀·∇²_f log p ≈ 2^-1108 first, which rounded to 0 before x₁
    /// scaled it back up: [0, 1] came out 0 (and [1, 0], formed the other way round, 9.86e-305). The reference is e^-700
    /// enclosed to 2^-96 relative.
    /// </summary>
    private static CurvatureProblem<Float64> BernoulliLogitAt700()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.BernoulliLogit, 2);
        var theta = new[] { 0.0, LogitTailReference.Theta1, 0.0 }.Select(Float64.Of).ToArray();
        return new CurvatureProblem<Float64>(
            shape, Float64.Of(0), [[Float64.Of(LogitTailReference.X0), Float64.Of(LogitTailReference.X1)]], [[Float64.Of(1)]], theta);
    }

    /// <summary>
    /// The GGN of <see cref="BernoulliLogitAt700"/>. Tolerance 11 ulp: ∇²_f log p = −σ(700)·σ(−700) within 7 ulp (each
    /// σ within 3 ulp, <see cref="Verification.Numerics.Curvature.Likelihoods.BernoulliLogit.Sigmoid"/>, and the product
    /// 1), then the scaled sum's (k − 1 + T)·u = 4u (k = 4 factors, T = 1 term; x₀, x₁ are powers of two, exact).
    /// </summary>
    [Fact]
    public void BernoulliLogitGgn_WhoseJacobianTimesLogDensityHessianUnderflows_IsExact()
    {
        var ggn = BernoulliLogitAt700().GeneralizedGaussNewton();
        LogitTailReference.AssertOffDiagonalEntries("G", (i, j) => ggn[i, j].Value, 11);
    }

    /// <summary>
    /// E[−∇²_θ log p] of <see cref="BernoulliLogitAt700"/>: the nodes y = 0, 1 with weights σ(−700), σ(700) share ∇²_f log p
    /// and the linear model's ∇²f vanishes, so the entry is (σ(−700) + σ(700))·x₀x₁σ(700)σ(−700) = σ(700)σ(−700).
    /// Tolerance 17 ulp: each term w·∇²_f log p within 3 + 7 = 10 ulp (weight as σ, 3 ulp), the scaled sum's
    /// (k − 1 + T)·u = 7u (k = 4 factors, T = 4 terms: two congruence and two zero curvature terms).
    /// </summary>
    [Fact]
    public void BernoulliLogitExpectedNegativeHessian_WhoseJacobianTimesLogDensityHessianUnderflows_IsExact()
    {
        var h = BernoulliLogitAt700().ExpectedNegativeHessian();
        LogitTailReference.AssertOffDiagonalEntries("E[−∇²]", (i, j) => h[i, j].Value, 17);
    }

    /// <summary>
    /// ∇²R of <see cref="BernoulliLogitAt700"/> by forward mode (one Hessian jet on R = −y·f + f + log(1 + e^{−f})), an
    /// independent cross-check of the GGN: the linear model's ∇²f vanishes, so ∇²R = σ(700)σ(−700)·x̃x̃ᵀ and the entry
    /// [0, 1] is σ(700)σ(−700) again. Inside the jet e^{−f} has ∂₀₁ = e^-700·x₀x₁ while its plain partial product
    /// e^-700·x₀ ≈ 2^-1109 is below the range: [0, 1] came out 0 (the jet stores one symmetric entry, so [1, 0] too).
    /// Tolerance 5 ulp: e^-700 within 1u (platform exp), the scaled product e^-700·x₀·x₁ (k = 3 factors, T = 1 term) 3u,
    /// log'(1 + e^-700) = 1 and the dropped −e^-1400·x₀x₁ term and the factor (1 + e^-700)^-2 of the exact value below
    /// 2^-1000 relative: 4u, as ulps of the exact value at most 4, rounded up to 5.
    /// </summary>
    [Fact]
    public void BernoulliLogitRiskHessian_WhoseJetPartialProductUnderflows_IsExact()
    {
        var h = BernoulliLogitAt700().RiskHessian();
        LogitTailReference.AssertOffDiagonalEntries("∇²R", (i, j) => h[i, j].Value, 5);
    }

    /// <summary>
    /// Ordinary inputs keep the plain GGN and E[−∇²_θ log p]: Bernoulli logit at x = (0.5, 3), θ = (0.25, −1, 0.5) (every
    /// factor within [2^-100, 2^100]), entry for entry the plain Jᵀ(−∇²_f log p)J computed here by the same products.
    /// </summary>
    [Fact]
    public void OrdinaryBernoulliLogitGgn_IsThePlainForm()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.BernoulliLogit, 2);
        var theta = new[] { 0.25, -1.0, 0.5 }.Select(Float64.Of).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(0.5), Float64.Of(3)]], [[Float64.Of(1)]], theta);
        var e = problem.Model(0);
        var (_, logDensityHessian) = problem.LogDensityDerivatives([Float64.Of(1)], e.Value);
        var plain = e.Jacobian.Transpose() * -logDensityHessian * e.Jacobian;
        var ggn = problem.GeneralizedGaussNewton();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(plain[i, j].Value, ggn[i, j].Value);
    }
}
