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
}
