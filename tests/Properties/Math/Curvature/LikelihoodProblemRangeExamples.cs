using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The curvature matrices of balles-thesis ch. 7 (<see cref="LikelihoodProblem"/>, <see cref="Splits"/>,
/// <see cref="CurvatureProblem{T}"/>) where their intermediate products or sums leave the double range while the matrix
/// does not (issue 15, item 1). Every expected value is the closed form in rationals from the double inputs.
/// </summary>
public class LikelihoodProblemRangeExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static void AssertUlps(double computed, Fraction exact, double ulps, string what) =>
        Assert.True(ExactDouble.UlpError(computed, RationalInterval.Exact(exact)) <= ulps,
            $"{what}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}");

    /// <summary>
    /// f = θ₀x + θ₁ (bias), Gaussian σ² = 1, one sample x = 1e154: J = (x, 1), ∇²_f log p = −1, ∇²f = 0, so the GGN, the
    /// Hessian, the Fisher (E[(y − f)²] = σ² = 1) and the expected negative Hessian are all [[x², x], [x, 1]] with
    /// x² ≈ 1e308 &lt; double.MaxValue. The symmetrization (A + Aᵀ)/2 overflowed: every one was +∞ at [0, 0].
    /// 12 ulp: the scaled sums' (4 + T)·u with T ≤ 3 nodes, plus the Gauss–Hermite node √3 and weights, rounded (≤ 5u).
    /// </summary>
    [Fact]
    public void CurvatureMatrices_WithAnEntryNearMaxValue_AreFinite()
    {
        const double x = 1e154;
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([V(x)], [0.0]));
        var theta = V(0, 0);
        var exact = new[,] { { Q(x) * Q(x), Q(x) }, { Q(x), Fraction.One } };
        foreach (var (name, m) in new[]
        {
            ("GGN", p.GeneralizedGaussNewton(theta)), ("Hessian", p.Hessian(theta)), ("Fisher", p.Fisher(theta)),
            ("expected negative Hessian", p.ExpectedNegativeHessian(theta)),
            ("canonical-split GGN", Splits.GeneralizedGaussNewton(Splits.Canonical(p), theta)),
        })
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    AssertUlps(m[i, j], exact[i, j], 12, $"{name}[{i},{j}]");
    }

    /// <summary>
    /// f = θ·x (no bias), Bernoulli probability q = f at x = 1, θ = 1e-200: the Fisher is 1/(q(1 − q)) ≈ 1e200 (eq. 7.2 with
    /// weights 1 − q, q and scores −1/(1 − q), 1/q). It was +∞: w·g² = q·(1/q)² with (1/q)² = ∞. 8 ulp: 1/q rounded
    /// twice (2u), the scaled five-factor product (4u), the sum of the two nodes (1u), and the 1 − q node (far below u).
    /// The generic <see cref="CurvatureProblem{T}"/> in doubles (curved-linear with κ = 0 is the same f) likewise.
    /// </summary>
    [Fact]
    public void BernoulliProbabilityFisher_AtATinyProbability_IsFinite()
    {
        const double q = 1e-200;
        var exact = Fraction.One / (Q(q) * (1 - Q(q)));
        var p = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new BernoulliProbability(), new Dataset([V(1)], [1.0]));
        AssertUlps(p.Fisher(V(q))[0, 0], exact, 8, "LikelihoodProblem.Fisher");

        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var generic = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(1)]], [Float64.Of(q)]);
        AssertUlps(generic.Fisher()[0, 0].Value, exact, 8, "CurvatureProblem.Fisher");
    }

    /// <summary>
    /// Gaussian σ² = 1, f = θ₀x + θ₁ at θ = 0, samples (x, y) = (1e10, 1e150) and (−1e10, 1e150): s_n = y·(x_n, 1), so
    /// F̃ = [[2·1e20·y², 0], [0, 2y²]]: the off-diagonal cancels exactly (1e310 − 1e310), the [0, 0] entry 2e320 is beyond
    /// the range. The outer products were +∞ and −∞ there and their sum NaN. 4 ulp for 2y² (y² rounded in the scaled sum).
    /// </summary>
    [Fact]
    public void EmpiricalFisher_WhoseOuterProductsOverflowAndCancel_IsExact()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([V(1e10), V(-1e10)], [1e150, 1e150]));
        var ef = p.EmpiricalFisher(V(0, 0));
        Assert.Equal(double.PositiveInfinity, ef[0, 0]);
        Assert.Equal(0.0, ef[0, 1]);
        Assert.Equal(0.0, ef[1, 0]);
        AssertUlps(ef[1, 1], 2 * Q(1e150) * Q(1e150), 4, "F̃[1,1]");
    }

    /// <summary>
    /// Two inputs, no bias, Gaussian σ² = 1 at θ = 0: the GGN is Σ_n x_n x_nᵀ. With x = (1e154, 1e154) twice and
    /// (1e154, −1e154) its off-diagonal is 1e308 (1e308 + 1e308 − 1e308: the running sum overflowed to +∞) and its diagonal
    /// 3e308, beyond the range (+∞ correctly). Both the closed-form GGN and the canonical split's. 4 ulp: x² rounded once.
    /// </summary>
    [Fact]
    public void Ggn_WhoseRunningSumOverflows_IsTheExactSum()
    {
        const double x = 1e154;
        var p = new LikelihoodProblem(new LinearModel(2, 1, bias: false), new GaussianIdentity(),
            new Dataset([V(x, x), V(x, x), V(x, -x)], [0.0, 0.0, 0.0]));
        var theta = V(0, 0);
        foreach (var (name, g) in new[]
        {
            ("GGN", p.GeneralizedGaussNewton(theta)), ("canonical-split GGN", Splits.GeneralizedGaussNewton(Splits.Canonical(p), theta)),
        })
        {
            Assert.Equal(double.PositiveInfinity, g[0, 0]);
            Assert.Equal(double.PositiveInfinity, g[1, 1]);
            AssertUlps(g[0, 1], Q(x) * Q(x), 4, $"{name}[0,1]");
            AssertUlps(g[1, 0], Q(x) * Q(x), 4, $"{name}[1,0]");
        }
    }

    /// <summary>
    /// f = θx (no bias), Gaussian σ² = 1, x = 1 at θ = 0 with labels 1e308, 1e308, −1e308: ∇R = −Σ_n y_n = −1e308 (scores
    /// y_n). The running sum was −∞. Exact: the scaled sum rounds once.
    /// </summary>
    [Fact]
    public void RiskGradient_WhoseRunningSumOverflows_IsTheExactSum()
    {
        var p = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(),
            new Dataset([V(1), V(1), V(1)], [1e308, 1e308, -1e308]));
        Assert.Equal(-1e308, p.RiskGradient(V(0))[0]);
    }

    /// <summary>A NaN or ±∞ κ, x_n, y_n or θ entry is an <see cref="ArgumentException"/> naming it (it gave NaN matrices).</summary>
    [Theory]
    [InlineData("kappa")]
    [InlineData("inputs")]
    [InlineData("labels")]
    [InlineData("theta")]
    public void CurvatureProblem_NonFiniteInput_IsRejected(string name)
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1);
        Float64 Bad(string which) => Float64.Of(which == name ? double.NaN : 1);
        var ex = Assert.Throws<ArgumentException>(() =>
            new CurvatureProblem<Float64>(shape, Bad("kappa"), [[Bad("inputs")]], [[Bad("labels")]], [Bad("theta")]));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains("finite", ex.Message);
    }

    /// <summary>
    /// f = θx (no bias), Gaussian σ² = 1, x = 1 at θ = 0 with labels 1e308 twice: both scores are 1e308, so the gradient
    /// covariance (eq. 7.22) is exactly 0. The centred form −N·s_n − ∇R was −∞ − (−∞) = NaN.
    /// </summary>
    [Fact]
    public void GradientCovariance_OfEqualHugeScores_IsZero()
    {
        var p = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(),
            new Dataset([V(1), V(1)], [1e308, 1e308]));
        Assert.Equal(0.0, p.GradientCovariance(V(0))[0, 0]);
    }

    /// <summary>
    /// f = θᵀx (no bias), Gaussian σ² = 1, θ = 0, samples x = (1, 1) and (−1, 1), labels 1e308: scores s₁ = (1e308, 1e308),
    /// s₂ = (−1e308, 1e308), deviations c_n = Σ_m s_m − 2s_n = (∓2e308, 0), so the gradient covariance (eq. 7.22) is
    /// exactly [[4e616, 0], [0, 0]]: +∞ at [0, 0] (beyond the range) and exactly 0 elsewhere. The second coordinate's
    /// centred form was −∞ − (−∞) = NaN, and the scaled fallback gave up (returning those NaNs) because the first
    /// coordinate's deviation ±2e308 is itself beyond the range.
    /// </summary>
    [Fact]
    public void GradientCovariance_WithOneDeviationBeyondTheRange_IsZeroInTheOtherCoordinate()
    {
        var p = new LikelihoodProblem(new LinearModel(2, 1, bias: false), new GaussianIdentity(),
            new Dataset([V(1, 1), V(-1, 1)], [1e308, 1e308]));
        var cov = p.GradientCovariance(V(0, 0));
        Assert.Equal(double.PositiveInfinity, cov[0, 0]);
        Assert.Equal(0.0, cov[0, 1]);
        Assert.Equal(0.0, cov[1, 0]);
        Assert.Equal(0.0, cov[1, 1]);
    }

    /// <summary>
    /// f = θᵀx (no bias), Gaussian σ² = 1, θ = 0, samples x = (1, 2^-1000), (1, 0), (1, 0) with labels A, A, A⁺ (A = 1e308,
    /// A⁺ the next double): scores s_n = x_n·y_n exactly, −3·s_n overflows, so the scaled fallback runs. The deviations
    /// c_na = Σ_m s_ma − 3s_na cancel to (ulp, ulp, −2ulp) (ulp = A⁺ − A = 2^971), and the [0, 1] entry Σ_n c_na c_nb/3 is
    /// −ulp·A·2^-1000 exactly. Held to the documented bound (N + 7)·u·Σ_n|c_na c_nb|/N, N = 3, against the exact rationals:
    /// the deviations summed in rounding scaled sums were off by about one ulp of A, i.e. by their own size (Σ[0, 1] was
    /// −2.4835e299, exact −1.8626e299, outside even the former stated (2N + 2)·u bound).
    /// </summary>
    [Fact]
    public void GradientCovariance_WhereDeviationsCancel_IsWithinItsStatedBound()
    {
        const double a = 1e308;
        double aPlus = Math.BitIncrement(a);
        double tiny = Math.ScaleB(1.0, -1000);
        var p = new LikelihoodProblem(new LinearModel(2, 1, bias: false), new GaussianIdentity(),
            new Dataset([V(1, tiny), V(1, 0), V(1, 0)], [a, a, aPlus]));
        var scores = new[] { new[] { Q(a), Q(a) * Q(tiny) }, new[] { Q(a), Fraction.Zero }, new[] { Q(aPlus), Fraction.Zero } };
        Fraction Deviation(int n, int k) => scores[0][k] + scores[1][k] + scores[2][k] - 3 * scores[n][k];
        var exact = Fraction.Zero;
        var magnitude = Fraction.Zero;
        for (int n = 0; n < 3; n++)
        {
            exact += Deviation(n, 0) * Deviation(n, 1) / 3;
            magnitude += Fraction.Abs(Deviation(n, 0) * Deviation(n, 1)) / 3;
        }
        double computed = p.GradientCovariance(V(0, 0))[0, 1];
        var bound = (3 + 7) * ExactDouble.Pow2(-53) * magnitude;
        Assert.True(Fraction.Abs(Q(computed) - exact) <= bound,
            $"Σ[0,1] = {computed:R}, exact {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
    }

    /// <summary>
    /// The generic problem in doubles, Bernoulli probability q = θ = 1e-310 at x = 1, label 1: the expected negative
    /// Hessian's node factor 1/q is beyond the range, and so is the matrix (exact 1/(q(1 − q)) ≈ 1e310), which was once
    /// returned as +∞. Now a <see cref="DoubleRangeException"/> (an <see cref="ArgumentException"/>, which the engine
    /// settles exactly) naming θ and the range. (At q = 1e-200, where only −1/q² is beyond the range, the matrix 1e200 is
    /// now summed through the factors: CurvatureProblemMutantExamples.)
    /// </summary>
    [Fact]
    public void GenericExpectedNegativeHessian_WithAnOverflowingFactor_IsRejected()
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var generic = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(1)]], [Float64.Of(1e-310)]);
        var ex = Assert.Throws<DoubleRangeException>(() => generic.ExpectedNegativeHessian());
        Assert.Contains("double.MaxValue", ex.Message);
        Assert.Equal("theta", ex.ParamName); // the constructor's parameter, as its finiteness check names it (was "Theta")
    }

    /// <summary>
    /// The input that made balles/eq-D.18 inconclusive at seed 404: Bernoulli probability q = θ = 1e-323 at x = 1, label 1,
    /// where ∇²R = x²/q² ≈ 1e646 is truly beyond the range (the exact problem, in rational intervals, says so). The double
    /// problem throws the <see cref="DoubleRangeException"/> naming θ that the engine settles exactly, not a plain
    /// <see cref="ArgumentException"/> it would count as a failure of the code under test.
    /// </summary>
    [Fact]
    public void GenericRiskHessian_TrulyBeyondTheRange_IsADoubleRangeException()
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var generic = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(1)]], [Float64.Of(1e-323)]);
        var ex = Assert.Throws<DoubleRangeException>(() => generic.RiskHessian());
        Assert.Equal("theta", ex.ParamName);
        Assert.Contains("double.MaxValue", ex.Message);

        var exact = new CurvatureProblem<RationalInterval>(shape, RationalInterval.Of(0), [[RationalInterval.Of(1)]], [[RationalInterval.Of(1)]],
            [RationalInterval.Of(1e-323)]);
        Assert.True(exact.RiskHessian()[0, 0].Lower > Q(double.MaxValue), "the exact ∇²R is beyond ±double.MaxValue");
    }

    /// <summary>
    /// Least squares f = θ₀x + θ₁ on (1e200, 1) and (−1e200, −1): the Fisher entry Σx² = 2e400 is beyond the range, and the
    /// Newton solve returned θ* = NaN with F₀₀ = +∞. Now an <see cref="ArgumentException"/> naming the data.
    /// </summary>
    [Fact]
    public void GeneralizedLinearFit_BeyondTheRange_IsRejected()
    {
        var data = new Dataset([V(1e200), V(-1e200)], [1.0, -1.0]);
        ArgumentAssert.Rejects(() =>
            Verification.Numerics.Curvature.Data.GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1), new GaussianIdentity(), data),
            "data", "the fit of gaussian-identity leaves the double range on these data");
    }
    /// <summary>
    /// Poisson log-rate, f = θ₀x + θ₁ at θ = 0 (λ = 1), one sample x = 1e160: J = (x, 1) and ∇²f = 0, so the tail bound is
    /// t·(x² + 1) with t the truncated rule's own bound (≤ 4e-18), about 1e302. ‖J‖_F² = 1e320 overflowed and the bound was
    /// +∞. 8 ulp: the scaled sum's (k − 1 + T)·u with k = 3 factors and T ≤ 4 terms (2 nonzero), plus the final rounding.
    /// At x = 1e300 the bound t·1e600 is beyond the range: an <see cref="ArgumentException"/> naming θ, not +∞.
    /// </summary>
    [Fact]
    public void PoissonFisherTailBound_WithAHugeJacobian_IsFiniteOrRejected()
    {
        const double x = 1e160;
        double tail = new PoissonLog().Expectation(V(0)).TailBound;
        Assert.True(tail > 0);
        var p = new LikelihoodProblem(new LinearModel(1), new PoissonLog(), new Dataset([V(x)], [0.0]));
        AssertUlps(p.FisherTailBound(V(0, 0)), Q(tail) * (Q(x) * Q(x) + 1), 8, "FisherTailBound");
        var beyond = new LikelihoodProblem(new LinearModel(1), new PoissonLog(), new Dataset([V(1e300)], [0.0]));
        var ex = Assert.Throws<ArgumentException>(() => beyond.FisherTailBound(V(0, 0)));
        Assert.Equal("theta", ex.ParamName);
        Assert.Contains("double.MaxValue", ex.Message);
    }
    /// <summary>
    /// Bernoulli probability, f = θ·x (no bias), label 1, x = θ = 1e-100, so q = fl(θx) ≈ 1e-200 and ∇²_f log p = −1/q² ≈ −1e400
    /// is beyond the range while the matrices are not: ∇²R = GGN = x²/q² ≈ 1e200, E[−∇²_θ log p] = x²·(q/q² + (1 − q)/(1 − q)²)
    /// = x²/(q(1 − q)) ≈ 1 (eq. 7.4 with the weights 1 − q, q). All three were rejected (the likelihood's Hessian threw).
    /// 8 ulp: r = 1/q rounded twice (2u), the scaled five-factor products and sums ((k − 1 + T)·u ≤ 6u); the 1 − q node is
    /// 1e-200 of the result.
    /// </summary>
    [Fact]
    public void BernoulliProbabilityCurvature_WhoseNodeHessianIsBeyondTheRange_IsFinite()
    {
        const double x = 1e-100, theta = 1e-100, q = theta * x;
        var p = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new BernoulliProbability(), new Dataset([V(x)], [1.0]));
        var qq = Q(q);
        var squared = Q(x) * Q(x);
        AssertUlps(p.Hessian(V(theta))[0, 0], squared / (qq * qq), 8, "∇²R");
        AssertUlps(p.GeneralizedGaussNewton(V(theta))[0, 0], squared / (qq * qq), 8, "GGN");
        AssertUlps(p.ExpectedNegativeHessian(V(theta))[0, 0], squared / (qq * (1 - qq)), 8, "E[−∇²]");
    }

    /// <summary>
    /// The same at x = 1, θ = q = 1e-200: E[−∇²] = 1/(q(1 − q)) ≈ 1e200 is finite (it was rejected); ∇²R = 1/q² ≈ 1e400 is
    /// beyond the range and, as every curvature matrix here, rounds to +∞ (IEEE overflow, not a silent wrong value).
    /// </summary>
    [Fact]
    public void BernoulliProbabilityCurvature_BeyondTheRange_OverflowsOnlyWhereExact()
    {
        const double q = 1e-200;
        var p = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new BernoulliProbability(), new Dataset([V(1)], [1.0]));
        AssertUlps(p.ExpectedNegativeHessian(V(q))[0, 0], Fraction.One / (Q(q) * (1 - Q(q))), 8, "E[−∇²]");
        Assert.Equal(double.PositiveInfinity, p.Hessian(V(q))[0, 0]);
    }

    /// <summary>
    /// Bernoulli logit, f = θ·x without bias, x = (2^-99, 2^99) (both within the ordinary [2^-100, 2^100]) and
    /// θ = (0, 700·2^-99), so f = 700 exactly: ∇²_f log p = −σ(700)σ(−700) ≈ −9.9e-305 and G = σ(700)σ(−700)·xxᵀ, whose
    /// off-diagonal entry x₀x₁σ(700)σ(−700) = σ(700)σ(−700) = e^-700/(1 + e^-700)² is a normal double. The plain form
    /// computed ∇²_f log p·x₀ ≈ 2^-1108 first, which rounded to 0 before x₁ scaled it back up: that half of the symmetrized
    /// entry was lost and G[0, 1] came out σσ/2 (the switch checked only J and ∇²f, not ∇²_f log p).
    /// Tolerance 11 ulp: the likelihood's ∇²_f log p within 7 ulp (<see cref="BernoulliLogit"/>), then the scaled sum's
    /// (k − 1 + T)·u = 4u (k = 4 factors, T = 1 term; the powers of two are exact); the reference is e^-700 enclosed to
    /// 2^-96 relative.
    /// </summary>
    [Fact]
    public void BernoulliLogitGgn_WhoseLogDensityHessianTimesJacobianUnderflows_IsExact()
    {
        var p = new LikelihoodProblem(new LinearModel(2, bias: false), new BernoulliLogit(),
            new Dataset([V(LogitTailReference.X0, LogitTailReference.X1)], [1.0]));
        var ggn = p.GeneralizedGaussNewton(V(0, LogitTailReference.Theta1));
        LogitTailReference.AssertOffDiagonalEntries("G", (i, j) => ggn[i, j], 11);
    }

    /// <summary>
    /// Poisson log-rate with a tanh MLP (D = 1, H = 1), x = 1e10, θ = (W₁ = (0, 0), W₂ = (1e300, 0)): a = 0, h = 0, f = 0
    /// (λ = 1, a truncated rule with a positive tail bound t), but ∂f/∂W₁[0,0] = W₂·(1 − h²)·x = 1e310 is beyond the range,
    /// so the bound t·(‖J‖_F² + …) ≥ t·1e620 is too: the documented <see cref="ArgumentException"/> naming θ. The fallback
    /// passed J's ∞ into a scaled sum, whose own exception named "factors" (not a parameter of FisherTailBound).
    /// </summary>
    [Fact]
    public void PoissonFisherTailBound_WithAJacobianBeyondTheRange_IsRejectedNamingTheta()
    {
        var p = new LikelihoodProblem(new TanhMlp(1, 1), new PoissonLog(), new Dataset([V(1e10)], [0.0]));
        var theta = V(0, 0, 1e300, 0);
        Assert.Equal(double.PositiveInfinity, Math.Abs(p.Jacobian(0, theta)[0, 0]));
        var ex = Assert.Throws<ArgumentException>(() => p.FisherTailBound(theta));
        Assert.Equal("theta", ex.ParamName);
        Assert.Contains("double.MaxValue", ex.Message);
    }
}
