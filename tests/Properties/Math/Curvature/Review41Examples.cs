using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Review of stop 41 (issue 15, item 1): the empirical-Fisher split's inner Hessian ∇²_θ b = b·(s sᵀ + ∇²_θ log p)
/// (balles-thesis eq. 7.17, footnote 7.3) where the likelihood Hessian is below 2^-1022 while x̃x̃ᵀ scales it back up
/// (full-range-coverage gap 7 said that Hessian was still a double there), and the gradient covariance (eq. 7.22) where
/// the scores nearly agree, so that the deviations cancel; and CurvatureProblem's softmax over the tanh MLP where two class
/// probabilities are tiny, so that their product hid the one J scales back up.
/// </summary>
public class Review41Examples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static readonly Fraction U = ExactDouble.Pow2(-53);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// Bernoulli logit (y = 0) or Poisson (y = 0) at f = −800 through θ = (0, −800), x = 1e300, so x̃ = (1e300, 1): with
    /// e = e^-800 from a 96-bit enclosure, the logit's g = −σ(−800) = −e/(1 + e) and A = −σ(800)σ(−800) = −e/(1 + e)², the
    /// Poisson's g = A = −e; b = p(0|f) = 1/(1 + e) or e^{−e}, within 2^-1100 of 1, as is the split's e^{−ℓ̂} (ℓ̂ ≤ 2^-1000).
    /// Entry [a, c] = b·(g² + A)·x̃_a x̃_c: [0, 0] ≈ −3.7e252, [0, 1] ≈ −3.7e-48, [1, 1] ≈ −e^-800, below the subnormal range.
    /// Bound: EmpiricalFisherSplitLogitPoissonRangeProperties' scaled k_H = 12 + max(2e_g, e_A) with e_g = e_A = 3 (the
    /// scaled e^t within 3u): 18u·Σ|terms|, Σ|terms| = b·(g² + |A|)·|x̃_a x̃_c|, plus 2^-1074 for a subnormal result, plus
    /// the enclosure's width and b's 2^-1100. A likelihood Hessian taken as its double (0 at f = −800) gives [0, 0] ≈ 1e-95
    /// (the g² term alone) and [0, 1] = 0.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EmpiricalFisherInnerHessian_WhoseLikelihoodHessianUnderflows_KeepsItsDigits(bool poisson)
    {
        const double x = 1e300;
        ILikelihood likelihood = poisson ? new PoissonLog() : new BernoulliLogit();
        var p = new LikelihoodProblem(new LinearModel(1), likelihood, new Dataset([V(x)], [0]));
        var h = Splits.EmpiricalFisher(p).InnerHessians(0, V(0, -800))[0];
        var e = ExactExp.Of(-800.0, 96);
        var one = RationalInterval.Exact(1.0);
        var g = poisson ? e : e / (one + e); // |g|
        var a = poisson ? e : e / ((one + e) * (one + e)); // |A|
        var inner = g * g - a; // g² + A
        var size = g * g + a;
        double[] xt = [x, 1];
        for (int i = 0; i < 2; i++)
            for (int k = i; k < 2; k++)
            {
                var scale = RationalInterval.Exact(xt[i]) * RationalInterval.Exact(xt[k]);
                var exact = inner * scale;
                var bound = 18 * U * (size * scale).Upper + ExactDouble.Pow2(-1074) + (exact.Upper - exact.Lower)
                    + ExactDouble.Pow2(-1100) * Fraction.Abs(exact.Upper);
                Fraction low = Fraction.Abs(Q(h[i, k]) - exact.Lower), high = Fraction.Abs(Q(h[i, k]) - exact.Upper);
                var error = low > high ? low : high;
                Assert.True(error <= bound,
                    $"∇²_θ b[{i}, {k}] = {h[i, k]:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
            }
    }

    /// <summary>
    /// Poisson, linear model, θ = 0 (λ = 1), labels y = 2 (g = 1 exactly), inputs x = s·(1, 1, 1 + 2^-52) for a power of two
    /// s: the scores s_n = (x_n, 1) are exact, the deviations c_n = Σ_m s_m − 3s_n are s·(2^-52, 2^-52, −2^-51) in the
    /// first coordinate and 0 in the second, so Σ = diag(2^-103·s², 0) exactly. Held to the stated (N + 7)·u·Σ_n|c_na c_nb|/N
    /// plus 2^-1074. The plain centred form −3s_n − ∇R rounded ∇R = −(3 + 2^-52) to −3 first and gave Σ₀₀ = 2.63e-31 at
    /// s = 1, 2.67 times the exact 9.86e-32.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    [InlineData(-400)]
    public void GradientCovariance_OfNearlyEqualScores_IsWithinItsStatedBound(int scaleExponent)
    {
        double s = Math.ScaleB(1.0, scaleExponent);
        double[] inputs = [s, s, s * (1 + Math.ScaleB(1.0, -52))];
        var p = new LikelihoodProblem(new LinearModel(1), new PoissonLog(),
            new Dataset(inputs.Select(v => V(v)).ToList(), [2, 2, 2]));
        var cov = p.GradientCovariance(V(0, 0));
        var scores = inputs.Select(v => new[] { Q(v), Fraction.One }).ToArray();
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
            {
                Fraction exact = Fraction.Zero, magnitude = Fraction.Zero;
                foreach (var sn in scores)
                {
                    var ca = scores.Aggregate(Fraction.Zero, (t, m) => t + m[a]) - 3 * sn[a];
                    var cb = scores.Aggregate(Fraction.Zero, (t, m) => t + m[b]) - 3 * sn[b];
                    exact += ca * cb / 3;
                    magnitude += Fraction.Abs(ca * cb) / 3;
                }
                var bound = (3 + 7) * U * magnitude + ExactDouble.Pow2(-1074);
                Assert.True(Fraction.Abs(Q(cov[a, b]) - exact) <= bound,
                    $"Σ[{a}, {b}] = {cov[a, b]:R}, exact {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
            }
    }

    /// <summary>
    /// Tanh MLP (D = H = N = 1, x = 1), softmax with C = 4, θ = (W₁, b₁, W₂[0], b₂[0], …) = (0, 0, 1e300, −1000, 0, −800,
    /// 0, 0, 0, 700): h = 0, s = 1, f = b₂ = (−1000, −800, 0, 700), J's row 0 is (1e300, 1e300, 0, 1, 0, …) with no rounding
    /// and ∇²f^(m)[0, 0] = 0. Entry [0, 0] of the Fisher, E[−∇²] and the GGN is J₀₀²·π₀(1 − π₀) ≈ 5.0e-139 with π₀ =
    /// e^-1000/(e^-1000 + e^-800 + 1 + e^700) from 96-bit enclosures. π₀ ≈ e^-1700 is below the subnormal range, and the
    /// carried Hessian entry π₀π₁ ≈ e^-3200 had decided that no carried piece mattered, so all three came out 0.
    /// Tolerances as CurvatureProblemMlpWeightUnderflowExamples derives them for C = 3, with T = 4 nodes: t = f_c − m is
    /// exact and s = Σe^t rounds to 1 (within e^-700), so π₀ is ScaledExp's 3u and 1 − π₀ = Σ_{k≠0}π_k is 1 within
    /// e^-700; the nodes k ≠ 0 add π_kπ₀²·J², relatively e^-1700. Fisher (4 + T)·u + 3u = 11; E[−∇²] (1 + 4 + T)·u plus
    /// A₀₀ = −π₀(1 − π₀)'s 3u + 1u (one mantissa product) = 13; GGN 5u + 4u = 9.
    /// </summary>
    [Theory]
    [InlineData("F", 11)]
    [InlineData("E[−∇²]", 13)]
    [InlineData("G", 9)]
    public void MlpSoftmaxCurvature_WithTwoTinyClasses_KeepsTheLargerOnesDigits(string member, double ulps)
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.CategoricalSoftmax, inputs: 1, hidden: 1, classes: 4);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [CurvatureFormulas.Label<Float64>(shape, 3)],
            new double[] { 0, 0, 1e300, -1000, 0, -800, 0, 0, 0, 700 }.Select(Float64.Of).ToArray());
        var value = member switch
        {
            "F" => problem.Fisher(),
            "E[−∇²]" => problem.ExpectedNegativeHessian(),
            _ => problem.GeneralizedGaussNewton(),
        };
        var one = RationalInterval.Exact(1.0);
        var s = ExactExp.Of(-1700.0, 96) + ExactExp.Of(-1500.0, 96) + ExactExp.Of(-700.0, 96) + one;
        var pi0 = ExactExp.Of(-1700.0, 96) / s;
        var j = RationalInterval.Exact(1e300);
        var exact = j * j * pi0 * (one - pi0);
        double computed = value[0, 0].Value;
        double error = ExactDouble.UlpError(computed, exact);
        Assert.True(error <= ulps, $"{member}₀₀ = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}, {error:R} ulp (tolerance {ulps})");
    }
}
