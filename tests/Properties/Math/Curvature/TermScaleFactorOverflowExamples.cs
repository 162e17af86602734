using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}.TermScale"/> in doubles where a factor of the scale (G_n, H_n, or f itself) is beyond
/// ±double.MaxValue while the scale Σ_n [‖J_n‖²_F·(1 + G_n² + H_n) + G_n·K_n] is a finite double because J_n is tiny or
/// exactly 0 (issue 15, item 1). Every problem here is one sample of the curved-linear model f = xθ + (κ/2)θ² (balles-thesis
/// Prop. 7.2's model: J = x + κθ, ∇²f = κ, so K = |κ|), with inputs chosen so that f and J are exact in doubles; the
/// expected scale is formed in rationals from the closed forms of ∇_f log p and ∇²_f log p (eqs. D.9 and the Bernoulli
/// probability's y/q − (1 − y)/(1 − q), −y/q² − (1 − y)/(1 − q)²), maximised over the label and the expectation nodes.
/// </summary>
[Properties(MaxTest = 100)] // rationals of a few thousand bits: well under a millisecond a case
public class TermScaleFactorOverflowExamples
{
    /// <summary>
    /// 8 ulp, the (4dM + 4)·u of the doc comment for d = M = 1 (the summed double form: each of its nonnegative terms is
    /// rounded at most four times, then summed); where a factor overflowed the scale is the exact sum rounded once.
    /// </summary>
    private const double Ulps = 8;

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static CurvatureProblem<Float64> Problem(LikelihoodFamily likelihood, double kappa, double x, double y, double theta) =>
        new(new CurvatureShape(ModelFamily.CurvedLinear, likelihood, 1), Float64.Of(kappa), [[Float64.Of(x)]], [[Float64.Of(y)]],
            [Float64.Of(theta)]);

    private static void AssertScale(double scale, Fraction exact, string what) =>
        Assert.True(double.IsFinite(scale) && ExactDouble.UlpError(scale, RationalInterval.Exact(exact)) <= Ulps,
            $"{what}: TermScale {scale:R}, exact {ExactDouble.ToDouble(exact):R}");

    /// <summary>
    /// The Bernoulli probability's exact scale at q = xθ (κ = 0, so J = x, K = 0): G = max(1/q, 1/(1 − q)) over the nodes
    /// {0, 1} (the label is one of them), H = max(1/q², 1/(1 − q)²), scale x²·(1 + G² + H).
    /// </summary>
    private static Fraction BernoulliProbabilityScale(Fraction x, Fraction q)
    {
        var g = FractionExtensions.Max(1 / q, 1 / (1 - q));
        var h = FractionExtensions.Max(1 / (q * q), 1 / ((1 - q) * (1 - q)));
        return x * x * (1 + g * g + h);
    }

    /// <summary>
    /// q = xθ below 7.5e-155: H = 1/q² is beyond the range (it was +∞, and so was the scale) while x²·H = 1/θ² is not; at
    /// q = 2^-1074 also G = 1/q overflowed and G·K = ∞·0 made the scale NaN. The exact scale is x² + 2/θ² (G² = H = 1/q²).
    /// </summary>
    [Theory]
    [InlineData(1, -700, 1.0)]   // H = 2^1400 overflowed: the scale was +∞, exact 2 + 2^-1400
    [InlineData(1, -600, 0.5)]   // q = 2^-601: exact 8 + 2^-1200
    [InlineData(1, -1074, 1.0)]  // q subnormal, G = 2^1074 overflowed too: the scale was NaN, exact 2
    [InlineData(1e-200, 0, 0.75)] // q = 7.5e-201 rounded: the expected value uses the double q the problem holds
    public void BernoulliProbabilityScale_WhereOneOverQSquaredOverflows_IsTheExactScale(double mantissa, int exponent, double theta)
    {
        double x = Math.ScaleB(mantissa, exponent);
        var problem = Problem(LikelihoodFamily.BernoulliProbability, 0, x, 1, theta);
        var q = Q(problem.Output(0)[0].Value); // f = xθ in doubles (exact for the powers of two)
        AssertScale(problem.TermScale().Value, BernoulliProbabilityScale(Q(x), q), $"x = {x:R}, θ = {theta:R}");
    }

    /// <summary>
    /// Gaussian identity with κ = −2^-30, θ = 2^511 and x = −κθ = 2^481: J = x + κθ = 0 exactly, f = xθ + κθ²/2 = 2^991, and at
    /// y = −double.MaxValue the label's score y − f is beyond the range (it overflowed to −∞ and J·G = 0·∞ made the scale NaN),
    /// while the exact scale is G·K = (MaxValue + 2^991)·2^-30 (H = 1; the nodes f ± 1 have score ∓1).
    /// </summary>
    [Fact]
    public void GaussianIdentityScale_WhereTheScoreOverflowsAndJIsZero_IsGTimesK()
    {
        double kappa = -Math.ScaleB(1, -30), theta = Math.ScaleB(1, 511), x = Math.ScaleB(1, 481), y = -double.MaxValue;
        var problem = Problem(LikelihoodFamily.GaussianIdentity, kappa, x, y, theta);
        var f = Q(x) * Q(theta) + Q(kappa) * Q(theta) * Q(theta) / 2;
        Assert.Equal(Fraction.Zero, Q(x) + Q(kappa) * Q(theta)); // J = 0 exactly (the premise)
        var g = FractionExtensions.Max(Fraction.Abs(Q(y) - f), Fraction.One);
        AssertScale(problem.TermScale().Value, g * Fraction.Abs(Q(kappa)), "J = 0, y − f beyond the range");
    }

    /// <summary>
    /// The same model at θ = 2^528, x = 2^498 (J = 0 again): θ² = 2^1056 overflowed, so f = ∞ − ∞ was NaN in doubles (and
    /// so was the scale), while the exact f = 2^1025 and scale G·K = 2^1025·2^-30 = 2^995 at y = 0 are not.
    /// </summary>
    [Fact]
    public void GaussianIdentityScale_WhereTheOutputItselfOverflows_IsGTimesK()
    {
        var problem = Problem(LikelihoodFamily.GaussianIdentity, -Math.ScaleB(1, -30), Math.ScaleB(1, 498), 0, Math.ScaleB(1, 528));
        AssertScale(problem.TermScale().Value, ExactDouble.Pow2(995), "f = 2^1025");
    }

    /// <summary>
    /// Poisson with κ = 0, x = 2^-1000 and θ = 710·2^1000, so f = 710 and λ = e^710 ≈ 2.2e308 is beyond the range (the nodes
    /// λ + u± were NaN, and so was the scale). At the label y = 0, G = λ (the nodes' scores u± have |u±| ≤ 1 + √λ) and
    /// H = λ, so the scale is x²·(1 + λ + λ²), whose logarithm is 1420 − 2000·ln 2 + log(1 + 1/λ + 1/λ²) ≈ 33.7.
    /// Tolerance 1e-12 on the logarithm: the reference 1420 − 2000·ln 2 is formed in doubles from terms near 1.4e3 (ulp
    /// 2.3e-13), and 1/λ &lt; 1e-308 is below that.
    /// </summary>
    [Fact]
    public void PoissonScale_WhereTheRateOverflows_IsFinite()
    {
        var problem = Problem(LikelihoodFamily.PoissonLog, 0, Math.ScaleB(1, -1000), 0, Math.ScaleB(710, 1000));
        double scale = problem.TermScale().Value;
        Assert.True(Math.Abs(Math.Log(scale) - (1420 - 2000 * Math.Log(2))) <= 1e-12, $"TermScale {scale:R}, exact ≈ e^33.7");
    }

    /// <summary>
    /// Gaussian identity at θ = 0 (f = 0, y = 0: G = 1, H = 1, K = 0), so the scale is 3x²: at x = 9e153, x² ≈ 8.1e307 is
    /// finite but 3x² ≈ 2.4e308 is beyond double.MaxValue, so the scale is +∞ (each of the three terms x²·1, x²·G², x²·H counts).
    /// </summary>
    [Fact]
    public void GaussianIdentityScale_WhoseExactValueExceedsTheRange_IsInfinite()
    {
        var problem = Problem(LikelihoodFamily.GaussianIdentity, 0, 9e153, 0, 0);
        Assert.True(3 * ExactDouble.ToFraction(9e153) * ExactDouble.ToFraction(9e153) > ExactDouble.ToFraction(double.MaxValue)); // the premise
        Assert.Equal(double.PositiveInfinity, problem.TermScale().Value);
    }

    /// <summary>
    /// Poisson with f = xθ = 5000 (x = 2^-1000): λ = e^5000 overflowed; J²·λ = 2^-2000·e^5000 ≈ 2^5213 is beyond the range, so
    /// the scale is +∞ (and e^5000 is never enclosed: rigorous exp stops at |x| = 4096).
    /// </summary>
    [Fact]
    public void PoissonScale_FarBeyondTheRange_IsInfinite()
    {
        var problem = Problem(LikelihoodFamily.PoissonLog, 0, Math.ScaleB(1, -1000), 0, Math.ScaleB(5000, 1000));
        Assert.Equal(double.PositiveInfinity, problem.TermScale().Value);
    }

    /// <summary>
    /// Poisson with κ = 2^-30, θ = 2^528, x = −2^498: J = x + κθ = 0 and f = xθ + κθ²/2 = −2^1025 exactly, which doubles gave as
    /// −∞ + ∞ = NaN (so the nodes and the scale were NaN). λ = e^f is below any double, so G = u₊ = (1 + √(1 + 4λ))/2 rounds
    /// to 1 and the scale G·K to K = 2^-30.
    /// </summary>
    [Fact]
    public void PoissonScale_WhereTheOutputIsFarBelowTheRange_IsK()
    {
        var problem = Problem(LikelihoodFamily.PoissonLog, Math.ScaleB(1, -30), -Math.ScaleB(1, 498), 0, Math.ScaleB(1, 528));
        Assert.Equal(Math.ScaleB(1, -30), problem.TermScale().Value);
    }

    /// <summary>
    /// Gaussian mean–variance (linear model, x = 1, θ = (0, 0, 0, v): μ = 0, variance v = 2^-599) at the label y = 2^-300, so
    /// r² = v/2 exactly: ∇²_vv log p = (1/(2v) − r²/v²)/v is exactly 0, but in doubles 1/(2v²) = 2^1197 and a·(a/v) = 2^1197
    /// both overflowed and ∞ − ∞ made H, and the scale, NaN (now that entry is its exact 0, and the nodes' ∇²_vv ≈ −5/(2v²)
    /// is −∞, beyond the range, so the term goes to the exact form). The exact scale is beyond the range (J's bias entry 1 times
    /// G² ≥ (1/v)² = 2^1198 at the nodes μ ± √(3v), whose variance score is (3/v − 1/v)/2 = 1/v), so it is +∞.
    /// </summary>
    [Fact]
    public void GaussianMeanVarianceScale_WhereTheHessianIsInfinityMinusInfinity_IsInfinite()
    {
        var problem = new CurvatureProblem<Float64>(new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1),
            Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(Math.ScaleB(1, -300))]],
            [Float64.Of(0), Float64.Of(0), Float64.Of(0), Float64.Of(Math.ScaleB(1, -599))]);
        Assert.Equal(double.PositiveInfinity, problem.TermScale().Value);
    }

    /// <summary>Where the exact scale is beyond double.MaxValue the scale is +∞: q = 2^-1074 at x = 1 (x²/q² = 2^2148).</summary>
    [Fact]
    public void BernoulliProbabilityScale_BeyondTheRange_IsInfinite()
    {
        var problem = Problem(LikelihoodFamily.BernoulliProbability, 0, 1, 1, double.Epsilon);
        Assert.Equal(double.PositiveInfinity, problem.TermScale().Value);
    }

    /// <summary>
    /// Property over the whole range of q: x = m·2^-e (m a double in [1, 2), e ∈ [0, 1073]) and θ = 2^-k (k ∈ [0, 60]) with
    /// q = xθ kept at least 2^-1022 (so that it is exact) and below 1; the scale is the exact x²·(1 + G² + H) within 8 ulp
    /// (that is at most x² + 2/θ² ≤ 2^121, so it is always finite).
    /// </summary>
    [Property]
    public Property BernoulliProbabilityScale_IsTheExactScaleOverTheRange() => Prop.ForAll(
        (from m in Gen.Choose(0, int.MaxValue)
         from e in Gen.Choose(1, 1073)
         from k in Gen.Choose(0, 60)
         select (Mantissa: 1 + m / (double)int.MaxValue, Exponent: e, Shift: k)).ToArbitrary(),
        c =>
        {
            double x = Math.ScaleB(c.Mantissa, -c.Exponent), theta = Math.ScaleB(1, -c.Shift);
            if (c.Exponent + c.Shift > 1021 || x * theta >= 1)
                return true.Label("q below 2^-1022 (inexact) or not below 1: outside this property");
            var exact = BernoulliProbabilityScale(Q(x), Q(x) * Q(theta));
            double scale = Problem(LikelihoodFamily.BernoulliProbability, 0, x, 0, theta).TermScale().Value;
            bool ok = double.IsFinite(scale) && ExactDouble.UlpError(scale, RationalInterval.Exact(exact)) <= Ulps;
            return ok.Label($"x = {x:R}, θ = {theta:R}: TermScale {scale:R}, exact {ExactDouble.ToDouble(exact):R}");
        });
}
