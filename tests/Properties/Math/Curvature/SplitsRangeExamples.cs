using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The empirical-Fisher split (balles-thesis eq. 7.17) where its factors leave the double range (issue 15, item 1):
/// b = p(y|f) = e^{−ℓ} underflows and 1/b² overflows for a sample loss ℓ above ≈ 354, while the GGN term (b s)(1/b²)(b s)ᵀ
/// = s sᵀ is moderate; the factored product gave ∞ (b s finite, 1/b² = ∞) or NaN = 0·∞ (b = 0, ℓ &gt; 745).
/// </summary>
public class SplitsRangeExamples
{
    /// <summary>
    /// f = θ₀x + θ₁, Gaussian σ² = 1, one sample x = 1, y = 0, θ = (30, 0): r = 30, ℓ = r²/2 + ½log 2π ≈ 450.9,
    /// s = ∇_θ log p = −r·(x, 1) = −30·(1, 1), ∇²_θ log p = −(1, 1)(1, 1)ᵀ. By hand: GGN = s sᵀ = 900·11ᵀ and the
    /// residual term −(s sᵀ + ∇²_θ log p) = −899·11ᵀ (the GGN was +∞ in every entry; the residual's factors are still finite here).
    /// </summary>
    [Fact]
    public void EmpiricalFisherSplit_LargeLoss_GivesTheCancelledForm()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(),
            new Dataset([Vector<double>.Build.Dense(1, 1.0)], [0.0]));
        var theta = Vector<double>.Build.DenseOfArray([30.0, 0.0]);
        var split = Splits.EmpiricalFisher(p);
        var ggn = Splits.GeneralizedGaussNewton(split, theta);
        var residual = Splits.ResidualTerm(split, theta);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.InRange(ggn[i, j], 900 * (1 - 1e-14), 900 * (1 + 1e-14));
                Assert.InRange(residual[i, j], -899 * (1 + 1e-14), -899 * (1 - 1e-14));
            }
    }
    /// <summary>
    /// The canonical split of Bernoulli logit, f = θ·x without bias, x = (2^-99, 2^99) (both within the ordinary
    /// [2^-100, 2^100]) and θ = (0, 700·2^-99), so f = 700 exactly, label 1: ∇²_b a = σ(700)σ(−700) ≈ 9.9e-305 and
    /// G = σ(700)σ(−700)·xxᵀ, whose off-diagonal entry x₀x₁σ(700)σ(−700) = e^-700/(1 + e^-700)² is a normal double. The plain
    /// Jᵀ(∇²_b a·J) formed ∇²_b a·x₀ ≈ 2^-1108 first, which rounded to 0 before x₁ scaled it back up: G[0, 1] came out
    /// 4.93e-305, half the exact value (one product of the symmetrized entry lost). Tolerance 11 ulp: ∇²_b a within 7 ulp
    /// (<see cref="BernoulliLogit"/>), then the scaled sum's (k − 1 + T)·u = 4u (k = 4 factors, T = 1 term; the powers of
    /// two and the symmetrization (g + g)/2 are exact); the reference is e^-700 enclosed to 2^-96 relative.
    /// </summary>
    [Fact]
    public void CanonicalSplitGgn_WhoseOuterHessianTimesJacobianUnderflows_IsExact()
    {
        var p = new LikelihoodProblem(new LinearModel(2, bias: false), new BernoulliLogit(),
            new Dataset([Vector<double>.Build.DenseOfArray([LogitTailReference.X0, LogitTailReference.X1])], [1.0]));
        var ggn = Splits.GeneralizedGaussNewton(Splits.Canonical(p), Vector<double>.Build.DenseOfArray([0.0, LogitTailReference.Theta1]));
        LogitTailReference.AssertOffDiagonalEntries("G", (i, j) => ggn[i, j], 11);
    }

    /// <summary>
    /// Ordinary inputs keep the plain form: the canonical split of Bernoulli logit at x = (0.5, 3), θ = (0.25, −1), label 1
    /// (every factor within [2^-100, 2^100]) is the symmetrized Jᵀ(∇²_b a·J) entry for entry, computed here by the same products.
    /// </summary>
    [Fact]
    public void OrdinaryCanonicalSplitGgn_IsThePlainForm()
    {
        var p = new LikelihoodProblem(new LinearModel(2, bias: false), new BernoulliLogit(),
            new Dataset([Vector<double>.Build.DenseOfArray([0.5, 3.0])], [1.0]));
        var theta = Vector<double>.Build.DenseOfArray([0.25, -1.0]);
        var split = Splits.Canonical(p);
        var j = split.InnerJacobian(0, theta);
        var plain = j.TransposeThisAndMultiply(split.OuterHessian(0, theta) * j);
        var ggn = Splits.GeneralizedGaussNewton(split, theta);
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                Assert.Equal((plain[a, b] + plain[b, a]) / 2, ggn[a, b]);
    }

    /// <summary>
    /// The canonical split's residual term Σ_n [∇_b a_n]·∇²f_n (eq. 7.9) where a product overflows though the entry does not:
    /// f = xθ + (κ/2)θ² with κ = 1e10 (∇²f = κ), Gaussian σ² = 1, θ = 0, x = 1 and labels 1e300, −1e300, 5, so
    /// ∇_b a_n = f − y_n = −y_n and the entry is −κ(y₁ + y₂ + y₃) = −5e10. The per-sample term −y₁κ = −1e310 was ±∞ and the
    /// sum rejected as "factors beyond the double range" (the factors are finite). Expected exactly: the two large products
    /// are formed from the same mantissas with opposite signs, so they cancel exactly in one scaled sum, and −5·1e10 is a
    /// double.
    /// </summary>
    [Fact]
    public void CanonicalSplitResidualTerm_WhoseProductsOverflowAndCancel_IsExact()
    {
        var x = Vector<double>.Build.Dense(1, 1.0);
        var p = new LikelihoodProblem(new CurvedLinearModel(1, 1e10), new GaussianIdentity(), new Dataset([x, x, x], [1e300, -1e300, 5.0]));
        var residual = Splits.ResidualTerm(Splits.Canonical(p), Vector<double>.Build.Dense(1, 0.0));
        Assert.Equal(-5e10, residual[0, 0]);
    }

    /// <summary>
    /// The canonical split's GGN where ∇²_b a·J overflows before Jᵀ scales it back down: Bernoulli probability, f = θ·x
    /// without bias, x = (1e10, 1e-10), θ = (1e-160, 0), label 1, so q = fl(θ₀x₀) ≈ 1e-150 and ∇²_b a = 1/q² ≈ 1e300. G[0, 1]
    /// = x₀x₁/q² ≈ 1e300 and G[1, 1] = x₁²/q² ≈ 1e280 are doubles, G[0, 0] = x₀²/q² ≈ 1e320 is not (+∞). The plain form formed
    /// ∇²_b a·x₀ ≈ 1e310 = ∞ first and the GGN was rejected as "factors beyond the double range". Tolerance 8 ulp: ∇²_b a =
    /// (1/q)² within 4 ulp (<see cref="BernoulliProbability"/>), the scaled sum's (k − 1 + T)·u = 3u (k = 4, T = 1) and the
    /// exact symmetrization.
    /// </summary>
    [Fact]
    public void CanonicalSplitGgn_WhoseOuterHessianTimesJacobianOverflows_IsExact()
    {
        var x = Vector<double>.Build.DenseOfArray([1e10, 1e-10]);
        var p = new LikelihoodProblem(new LinearModel(2, bias: false), new BernoulliProbability(), new Dataset([x], [1.0]));
        var theta = Vector<double>.Build.DenseOfArray([1e-160, 0.0]);
        var q = ExactDouble.ToFraction(1e-160 * 1e10); // f = θ₀x₀ + 0·x₁, one rounding
        var ggn = Splits.GeneralizedGaussNewton(Splits.Canonical(p), theta);
        Assert.Equal(double.PositiveInfinity, ggn[0, 0]);
        var x0 = ExactDouble.ToFraction(1e10);
        var x1 = ExactDouble.ToFraction(1e-10);
        foreach (var (i, j, exact) in new[] { (0, 1, x0 * x1 / (q * q)), (1, 0, x0 * x1 / (q * q)), (1, 1, x1 * x1 / (q * q)) })
            Assert.True(ExactDouble.UlpError(ggn[i, j], RationalInterval.Exact(exact)) <= 8, $"G[{i},{j}] = {ggn[i, j]:R}");
    }

    /// <summary>
    /// The canonical split of the Bernoulli probability below q ≈ 7.5e-155, where ∇²_b a = 1/q² is itself beyond the range:
    /// f = θx without bias, x = 1e-100, θ = 1e-60, label 1, so q = fl(θx) ≈ 1e-160 and G = x²/q² ≈ 1e120. It was rejected
    /// (the likelihood's Hessian threw); now the factors (−1/q)·(1/q) enter the scaled sum. 8 ulp: 1/q rounded once (u) and
    /// its product (u), the scaled sum's (k − 1 + T)·u = 4u (k = 5, T = 1), the symmetrization exact.
    /// </summary>
    [Fact]
    public void CanonicalSplitGgn_BelowTheHessiansRange_IsExact()
    {
        var p = new LikelihoodProblem(new LinearModel(1, bias: false), new BernoulliProbability(),
            new Dataset([Vector<double>.Build.Dense(1, 1e-100)], [1.0]));
        var ggn = Splits.GeneralizedGaussNewton(Splits.Canonical(p), Vector<double>.Build.Dense(1, 1e-60));
        var q = ExactDouble.ToFraction(1e-60 * 1e-100);
        var x = ExactDouble.ToFraction(1e-100);
        Assert.True(ExactDouble.UlpError(ggn[0, 0], RationalInterval.Exact(x * x / (q * q))) <= 8, $"G = {ggn[0, 0]:R}");
    }

    /// <summary>
    /// Below q = 1/double.MaxValue even ∇_b a = −1/q is beyond the range: q = θ = 1e-310 (x = 1, label 1). The canonical
    /// split's GGN, and the problem's score, Hessian and Fisher, are rejected with an
    /// <see cref="ArgumentException"/> naming θ (their parameter; the likelihood's exception named "f") and the range. The
    /// canonical split's residual term Σ ∇_b a·∇²f is exactly 0 for the linear model (∇²f = 0), and since stop 41 it is 0
    /// without evaluating ∇_b a (until then this example pinned its rejection).
    /// </summary>
    [Fact]
    public void BernoulliProbability_BelowOneOverMaxValue_IsRejectedNamingTheta()
    {
        var p = new LikelihoodProblem(new LinearModel(1, bias: false), new BernoulliProbability(),
            new Dataset([Vector<double>.Build.Dense(1, 1.0)], [1.0]));
        var theta = Vector<double>.Build.Dense(1, 1e-310);
        Assert.Equal(0.0, Splits.ResidualTerm(Splits.Canonical(p), theta)[0, 0]);
        foreach (var (name, call) in new (string, Action)[]
        {
            ("split GGN", () => Splits.GeneralizedGaussNewton(Splits.Canonical(p), theta)),
            ("score", () => p.Score(0, theta, 1)), ("Hessian", () => p.Hessian(theta)), ("Fisher", () => p.Fisher(theta)),
            ("GGN", () => p.GeneralizedGaussNewton(theta)), ("E[−∇²]", () => p.ExpectedNegativeHessian(theta)),
        })
        {
            var ex = Assert.Throws<ArgumentException>(call);
            Assert.True(ex.ParamName == "theta", $"{name}: named {ex.ParamName}");
            Assert.Contains("double.MaxValue", ex.Message);
        }
    }
}
