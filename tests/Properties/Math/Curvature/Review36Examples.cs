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
/// Review of stop 36's scaled gradient (issue 15, item 1): ScaledExp's Cody–Waite bound, and the Fisher (eq. 7.2) where
/// an expectation weight w_k = p(y_k|f) falls below the subnormal range while J_n scales it back up.
/// </summary>
public class Review36Examples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static readonly Fraction U = ExactDouble.ToFraction(Math.ScaleB(1.0, -53));

    /// <summary>
    /// M·2^E against a 128-bit enclosure of e^t: within 3u relatively (ScaledExp's remarks: r within 0.36u of t − k·ln 2,
    /// Math.Exp's 1 ulp ≤ 2u). The enclosure's width (2^-128) is far below u.
    /// </summary>
    [Theory]
    [InlineData(-700.5)]
    [InlineData(-745.13321910194122)]
    [InlineData(-800)]
    [InlineData(-1500.25)]
    [InlineData(-4096)]
    public void ScaledExp_BelowTheFloor_IsWithinThreeUnits(double t)
    {
        var (m, e) = ScaledExp.Of(t);
        Assert.True(m >= 2.2250738585072014E-308, $"M = {m:R} is not a normal double"); // e^t itself where normal, else e^r ∈ [0.70, 1.42]
        var exact = ExactExp.Of(t, 128) * RationalInterval.Exact(Fraction.Pow(new Fraction(2), -e));
        var mf = ExactDouble.ToFraction(m);
        Fraction low = Fraction.Abs(mf - exact.Lower), high = Fraction.Abs(mf - exact.Upper);
        var error = (low > high ? low : high) / exact.Lower;
        Assert.True(error <= 3 * U, $"M = {m:R}, E = {e}, relative error {(double)(error / U):R}u");
    }

    /// <summary>
    /// Bernoulli logit at f = −800 (θ = (0, −800)), x = 1e300: F = JᵀσσJ, F₀₀ = x²·e/(1 + e)² with e = e^-800, ≈ 3.6e252.
    /// 8 ulp: the stated (4 + T)·u·Σ|terms| with T = N·K·M² = 2 (6u, all terms positive so Σ|terms| is F₀₀) plus the
    /// 96-bit enclosure.
    /// </summary>
    [Fact]
    public void LogitFisher_WhoseLabelWeightUnderflows_KeepsItsDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1), new BernoulliLogit(), new Dataset([V(x)], [0]));
        var e = ExactExp.Of(-800.0, 96);
        var one = RationalInterval.Exact(1.0);
        var exact = RationalInterval.Exact(x) * RationalInterval.Exact(x) * e / ((one + e) * (one + e));
        double f00 = p.Fisher(V(0, -800))[0, 0];
        Assert.True(ExactDouble.UlpError(f00, exact) <= 8, $"F₀₀ = {f00:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
    }

    /// <summary>
    /// Poisson at f = −800, y = 0, x = 1e300: F = Jᵀλ J, F₀₀ = x²·e^-800 ≈ 3.6e252 (the variance of y is λ). 8 ulp as above
    /// (the rule's tail is below e^-800·λ² relatively).
    /// </summary>
    [Fact]
    public void PoissonFisher_WhoseNodeWeightUnderflows_KeepsItsDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1), new PoissonLog(), new Dataset([V(x)], [0]));
        var exact = RationalInterval.Exact(x) * RationalInterval.Exact(x) * ExactExp.Of(-800.0, 96);
        double f00 = p.Fisher(V(0, -800))[0, 0];
        Assert.True(ExactDouble.UlpError(f00, exact) <= 8, $"F₀₀ = {f00:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
    }

    /// <summary>
    /// The same logit sample through E[−∇²] and the GGN (eq. 7.4, 7.9): both are JᵀσσJ for the logit likelihood, F₀₀ above.
    /// </summary>
    [Fact]
    public void LogitExpectedHessianAndGgn_WhoseLikelihoodHessianUnderflows_KeepTheirDigits()
    {
        const double x = 1e300;
        var p = new LikelihoodProblem(new LinearModel(1), new BernoulliLogit(), new Dataset([V(x)], [0]));
        var e = ExactExp.Of(-800.0, 96);
        var one = RationalInterval.Exact(1.0);
        var exact = RationalInterval.Exact(x) * RationalInterval.Exact(x) * e / ((one + e) * (one + e));
        double e00 = p.ExpectedNegativeHessian(V(0, -800))[0, 0], g00 = p.GeneralizedGaussNewton(V(0, -800))[0, 0];
        Assert.True(ExactDouble.UlpError(e00, exact) <= 8, $"E[−∇²]₀₀ = {e00:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
        Assert.True(ExactDouble.UlpError(g00, exact) <= 8, $"G₀₀ = {g00:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
    }
    /// <summary>
    /// Softmax f = (0, −800, −4000), label 0: ∇ = e₀ − π carried as M·2^E, ∇₀ = π₁ + π₂, ∇₁ = −π₁, ∇₂ = −π₂, each against
    /// a 128-bit enclosure. 6u relatively: ScaledExp's 3u, s = 1 + e^-800 + e^-4000 rounded to 1 (e^-800 ≪ u), the
    /// quotient's u and, for ∇₀, the one sum's u (f_c − m is exact here).
    /// </summary>
    [Fact]
    public void SoftmaxScaledGradient_BelowTheRange_IsWithinSixUnits()
    {
        var g = new CategoricalSoftmax(3).GradientScaledWhereNeeded(0, V(0, -800, -4000));
        Assert.NotNull(g);
        RationalInterval e1 = ExactExp.Of(-800.0, 128), e2 = ExactExp.Of(-4000.0, 128);
        var s = RationalInterval.Exact(1.0) + e1 + e2;
        RationalInterval[] exact = [(e1 + e2) / s, -(e1 / s), -(e2 / s)];
        for (int m = 0; m < 3; m++)
        {
            var value = ExactDouble.ToFraction(g.Mantissas[m]) * Fraction.Pow(new Fraction(2), g.Exponents[m]);
            Fraction low = Fraction.Abs(value - exact[m].Lower), high = Fraction.Abs(value - exact[m].Upper);
            var error = (low > high ? low : high) / Fraction.Abs(exact[m].Lower);
            Assert.True(error <= 6 * U, $"∇{m}: M = {g.Mantissas[m]:R}, E = {g.Exponents[m]}, relative error {(double)(error / U):R}u");
        }
    }
}
