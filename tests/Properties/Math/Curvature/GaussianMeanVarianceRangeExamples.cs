using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Gaussian mean–variance likelihood (f = (μ, v), the control of Prop. 7.1) where its Hessian entries −r/v² and
/// 1/(2v²) − r²/v³ fall below the double range (v ≳ 1e154) while the curvature matrices JᵀHJ that scale them back up are
/// normal doubles (issue 15, item 1). Linear model with one input x and θ = (0, 0, 1, 0) (vec W with biases), so μ = 0,
/// v = x and J = [[x, 1, 0, 0], [0, 0, x, 1]]; ∇²f = 0. Expected values: the closed forms in rationals from the doubles.
/// </summary>
public class GaussianMeanVarianceRangeExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static void AssertUlps(double computed, Fraction exact, double ulps, string what) =>
        Assert.True(ExactDouble.UlpError(computed, RationalInterval.Exact(exact)) <= ulps,
            $"{what}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}");

    /// <summary>Jᵀ·D·J for J = [[x, 1, 0, 0], [0, 0, x, 1]] and a symmetric 2×2 D, in rationals.</summary>
    private static Fraction[,] Congruence(Fraction x, Fraction[,] d)
    {
        var j = new[,] { { x, Fraction.One, Fraction.Zero, Fraction.Zero }, { Fraction.Zero, Fraction.Zero, x, Fraction.One } };
        var m = new Fraction[4, 4];
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
            {
                var s = Fraction.Zero;
                for (int i = 0; i < 2; i++)
                    for (int k = 0; k < 2; k++)
                        s += j[i, a] * d[i, k] * j[k, b];
                m[a, b] = s;
            }
        return m;
    }

    /// <summary>−∇²_f log p = [[1/v, r/v²], [r/v², r²/v³ − 1/(2v²)]] at r = y − μ (eq. in <see cref="GaussianMeanVariance"/>).</summary>
    private static Fraction[,] NegativeHessian(Fraction r, Fraction v) => new[,]
    {
        { 1 / v, r / (v * v) },
        { r / (v * v), r * r / (v * v * v) - 1 / (2 * v * v) },
    };

    /// <summary>E[−∇²_f log p] = diag(1/v, 1/(2v²)), the Fisher of N(μ, v).</summary>
    private static Fraction[,] ExpectedNegativeHessian(Fraction v) => new[,]
    {
        { 1 / v, Fraction.Zero },
        { Fraction.Zero, 1 / (2 * v * v) },
    };

    private static void AssertMatrix(Func<int, int, double> computed, Fraction[,] exact, double ulps, string what)
    {
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
                AssertUlps(computed(a, b), exact[a, b], ulps, $"{what}[{a},{b}]");
    }

    /// <summary>
    /// Tolerance for ∇²R and the GGNs, derived: the factors P = [[−1/v, −a], [−a, 1/(2v) − a·a]] within 4u relative to
    /// 1/(2v) + a² (a = (y − μ)/v one rounding, a·a three, 1/(2v) one, the difference one) and Q = 1/v within u, then the
    /// scaled sum's (k − 1 + T)·u = 8u (k = 5 factors w·J·P·Q·J, T = 4 terms): 13u relative to the sum of the terms'
    /// magnitudes; the vv entry x²(r²/v³ − 1/(2v²)) cancels to ½ from 3/2 at y = 1e100 (and at y = −1e150, x = 1e300), a
    /// factor 3: 39 ulp. (Measured: at most 2.4 ulp.)
    /// </summary>
    private const double HessianUlps = 40;

    /// <summary>
    /// Tolerance for E[−∇²], derived: at the nodes μ ± √(3v) a = ±√3·√v/v carries 3.5u and a² 8u, so P_vv = 1/(2v) − a²
    /// = −5/(2v) is within 11u; Q u, the weights 2/3, 1/6 u, the scaled sum (4 + T)·u = 22u (T = 3 nodes × (M² + M) = 18 terms):
    /// 35u relative to Σ|terms|, and the vv entry ½ = −(2/3)(½) + (1/3)(5/2) has Σ|terms| = 7/6, a factor 7/3: 82 ulp.
    /// (Measured: at most 2.4 ulp.)
    /// </summary>
    private const double ExpectationUlps = 82;

    /// <summary>(x, y): v = x = 1e200 at the label μ (r = 0) and at r = 1e100 (the vv entry x²(r²/v³ − 1/(2v²)) = ½),
    /// v = 1e300 at r = −1e150 (likewise ½), and v = 2e154, just past where v² overflows.</summary>
    public static TheoryData<double, double> Cases => new() { { 1e200, 0 }, { 1e200, 1e100 }, { 1e300, -1e150 }, { 2e154, 3e70 } };

    /// <summary>
    /// <see cref="LikelihoodProblem"/>: ∇²R = GGN = canonical-split GGN = Jᵀ(−∇²_f log p)J and E[−∇²_θ log p] = Jᵀ diag(1/v,
    /// 1/(2v²)) J. Before, ∇²_f log p's entries −a/v ≈ 1e-300 and 1/(2v²) − a²/v ≈ 5e-401 were formed first (the latter 0)
    /// and J scaled them back up: at x = 1e200, y = 0 ∇²R[2, 2] was 0 (exact −½), at x = 1e300 ∇²R[0, 2] 0 (exact −1e150).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void LikelihoodProblem_CurvatureMatrices_AtAHugeVariance_AreExact(double x, double y)
    {
        var p = new LikelihoodProblem(new LinearModel(1, 2), new GaussianMeanVariance(), new Dataset([V(x)], [y]));
        var theta = V(0, 0, 1, 0);
        var exactH = Congruence(Q(x), NegativeHessian(Q(y), Q(x)));
        var exactE = Congruence(Q(x), ExpectedNegativeHessian(Q(x)));
        var h = p.Hessian(theta);
        var g = p.GeneralizedGaussNewton(theta);
        var s = Splits.GeneralizedGaussNewton(Splits.Canonical(p), theta);
        var e = p.ExpectedNegativeHessian(theta);
        AssertMatrix((a, b) => h[a, b], exactH, HessianUlps, "∇²R");
        AssertMatrix((a, b) => g[a, b], exactH, HessianUlps, "G");
        AssertMatrix((a, b) => s[a, b], exactH, HessianUlps, "canonical-split G");
        AssertMatrix((a, b) => e[a, b], exactE, ExpectationUlps, "E[−∇²]");
    }

    /// <summary>
    /// The generic <see cref="CurvatureProblem{T}"/> in doubles, the same matrices. Before, the written (1/2 − r²/v)/v² and
    /// −r/v² were 0 from v ≈ 1.34e154 on (v² overflowed): at x = 1e200, y = 0 G[2, 2] was 0 (exact −½), at x = 2e154,
    /// y = 3e70 G[0, 2] 0 (exact 3e70).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void CurvatureProblem_CurvatureMatrices_AtAHugeVariance_AreExact(double x, double y)
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        var theta = new[] { 0.0, 0.0, 1.0, 0.0 }.Select(Float64.Of).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(x)]], [[Float64.Of(y)]], theta);
        var exactH = Congruence(Q(x), NegativeHessian(Q(y), Q(x)));
        var exactE = Congruence(Q(x), ExpectedNegativeHessian(Q(x)));
        var g = problem.GeneralizedGaussNewton();
        var e = problem.ExpectedNegativeHessian();
        AssertMatrix((a, b) => g[a, b].Value, exactH, HessianUlps, "G");
        AssertMatrix((a, b) => e[a, b].Value, exactE, ExpectationUlps, "E[−∇²]");
    }

    /// <summary>
    /// <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/> in doubles beyond the ordinary range: at y = 1e200, μ = 0,
    /// v = 1e200 ∇_v = r²/(2v²) − 1/(2v) ≈ ½ was +∞ (r² overflowed), and at y = μ = 0, v = 2e154 ∇²_vv = 1/(2v²) ≈ 1.25e-309, a
    /// subnormal, was 0 (v² overflowed); at y = 0, μ = −1e-320, v = 1.055e-7 the subnormal a = r/v lost its digits before 1/v
    /// scaled ∇²_μv = −a/v back up to ≈ −8.98e-307 (off by 1.47e-317, 1.6e-11 relatively; found by the forward-mode property
    /// over the whole range). Bound: each entry within 8u of the sum of its terms' magnitudes plus 2^-1074
    /// (<see cref="GaussianMeanVariance"/>'s stated accuracy).
    /// </summary>
    [Theory]
    [InlineData(1e200, 0.0, 1e200)]
    [InlineData(0.0, 0.0, 2e154)]
    [InlineData(-3e307, 1e10, 1e300)]
    [InlineData(0.0, -1e-320, 1.0550052166451595E-07)] // a = r/v subnormal: ∇²_μv = −r/v² ≈ −8.98e-307 was 1.6e-11 relatively off
    public void LogDensityDerivatives_InDoubles_BeyondTheOrdinaryRange_AreExact(double y, double mean, double variance)
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        var (g, h) = CurvatureFormulas.LogDensityDerivatives<Float64>(shape, [Float64.Of(y)], [Float64.Of(mean), Float64.Of(variance)]);
        Fraction r = Q(y) - Q(mean), v = Q(variance);
        var u = ExactDouble.Pow2(-53);
        var tiny = ExactDouble.Pow2(-1074);
        void Near(double computed, Fraction exact, Fraction magnitude, string what) =>
            Assert.True(Fraction.Abs(Q(computed) - exact) <= 8 * u * magnitude + tiny,
                $"{what}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}");
        Near(g[0].Value, r / v, Fraction.Abs(r / v), "∇_μ");
        Near(g[1].Value, r * r / (2 * v * v) - 1 / (2 * v), r * r / (2 * v * v) + 1 / (2 * v), "∇_v");
        Near(h[0, 0].Value, -1 / v, 1 / v, "∇²_μμ");
        Near(h[0, 1].Value, -r / (v * v), Fraction.Abs(r) / (v * v), "∇²_μv");
        Near(h[1, 1].Value, 1 / (2 * v * v) - r * r / (v * v * v), 1 / (2 * v * v) + r * r / (v * v * v), "∇²_vv");
    }

    /// <summary>
    /// <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/> in doubles where both terms of ∇_v = r²/(2v²) − 1/(2v) or of
    /// ∇²_vv = 1/(2v²) − r²/v³ overflow (issue 15, item 1): at v = 2^-599, y − μ = 2^-300 (r² = v/2) ∇²_vv is exactly 0 and
    /// ∇_v = 2^597 − 2^598 = −2^597, but ∞ − ∞ made ∇²_vv NaN; at v = 2^-1074, y − μ = 2^-537 (r² = v) ∇_v is exactly 0 (was
    /// NaN) while ∇²_vv = −1/(2v²) = −2^2147 is beyond the range; at v = 2^-599, y − μ = 2^-299 (r² = 2v) ∇²_vv = −3/(2v²)
    /// is beyond the range (was NaN) and ∇_v = 2^598. Expected: the closed forms in rationals; an entry in the
    /// range within 8u of the sum of its terms' magnitudes plus 2^-1074 (as above: 1 ulp of its rounding, or the stated
    /// accuracy of the double forms), one beyond the range ±∞ with its sign, never NaN.
    /// </summary>
    [Theory]
    [InlineData(-300, 0.0, -599)]
    [InlineData(-537, 0.0, -1074)]
    [InlineData(-299, 0.0, -599)]
    public void LogDensityDerivatives_InDoubles_WhereBothTermsOverflow_AreTheExactEntries(int residualLog2, double mean, int varianceLog2)
    {
        double variance = Math.ScaleB(1, varianceLog2);
        double y = mean + Math.ScaleB(1, residualLog2);
        Assert.Equal(Math.ScaleB(1, residualLog2), y - mean); // the residual is exact
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        var (g, h) = CurvatureFormulas.LogDensityDerivatives<Float64>(shape, [Float64.Of(y)], [Float64.Of(mean), Float64.Of(variance)]);
        Fraction r = Q(y) - Q(mean), v = Q(variance);
        var u = ExactDouble.Pow2(-53);
        var tiny = ExactDouble.Pow2(-1074);
        var max = Q(double.MaxValue);
        void Near(double computed, Fraction exact, Fraction magnitude, string what)
        {
            Assert.False(double.IsNaN(computed), $"{what} is NaN, exact {ExactDouble.ToDouble(exact):R}");
            if (Fraction.Abs(exact) > 2 * max)
                Assert.Equal(exact.Sign() > 0 ? double.PositiveInfinity : double.NegativeInfinity, computed);
            else
                Assert.True(double.IsFinite(computed) && Fraction.Abs(Q(computed) - exact) <= 8 * u * magnitude + tiny,
                    $"{what}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}");
        }
        Near(g[0].Value, r / v, Fraction.Abs(r / v), "∇_μ");
        Near(g[1].Value, r * r / (2 * v * v) - 1 / (2 * v), r * r / (2 * v * v) + 1 / (2 * v), "∇_v");
        Near(h[0, 0].Value, -1 / v, 1 / v, "∇²_μμ");
        Near(h[0, 1].Value, -r / (v * v), Fraction.Abs(r) / (v * v), "∇²_μv");
        Near(h[1, 1].Value, 1 / (2 * v * v) - r * r / (v * v * v), 1 / (2 * v * v) + r * r / (v * v * v), "∇²_vv");
    }

    /// <summary>
    /// The factors P ⊙ Q of ∇² where a = (y − μ)/v is subnormal (issue 15, item 1): the cross entry's P was the subnormal
    /// −a, which kept only its digits above 2^-1074 (at y = 0, μ = −1e-320, v = 0.3 about 11 bits), and the curvature
    /// matrices scale P·Q back up by J², so a normal GGN entry inherited that error. Now P·Q = −(M·2^-1021)·(2^(E+1021)/v),
    /// within 3u of −r/v² relatively (M's 2u, 1/v's u; Q is normal here). Expected: −r/v² in rationals; the product P·Q
    /// taken exactly, as the scaled sums take it.
    /// </summary>
    [Theory]
    [InlineData(0.0, -1e-320, 0.3)]
    [InlineData(1e-315, -3e-316, 0.7)]
    [InlineData(-5e-324, 0.0, 1e-10)]
    [InlineData(2e-310, 1e-310, 3e5)]
    public void HessianFactors_WhereAIsSubnormal_KeepTheCrossEntrysDigits(double y, double mean, double variance)
    {
        var (p, q) = new GaussianMeanVariance().HessianFactors(y, V(mean, variance))!.Value;
        Fraction r = Q(y) - Q(mean), v = Q(variance);
        Assert.True(Fraction.Abs(r / v) < ExactDouble.Pow2(-1022), "a must be subnormal here");
        var exact = -r / (v * v);
        var u = ExactDouble.Pow2(-53);
        foreach (var (i, j) in new[] { (0, 1), (1, 0) })
        {
            var product = Q(p[i, j]) * Q(q[i, j]);
            Assert.True(Fraction.Abs(product - exact) <= 3 * u * Fraction.Abs(exact),
                $"P⊙Q[{i}, {j}] = {ExactDouble.ToDouble(product):R}, exact {ExactDouble.ToDouble(exact):R}");
        }
    }

    /// <summary>
    /// The generic log-density over <see cref="Real"/> (the form forward mode differentiates) is −r²/(2v) − ½log(2πv): at
    /// y = 3, μ = 1, v = 2 by hand −1 − ½log(4π) = −2.2655121234846454 (log(4π) = 2.5310242469692907); each of the few
    /// operations rounds once, so within 8 ulp. A null f is an ArgumentNullException naming f, not a NullReferenceException.
    /// </summary>
    [Fact]
    public void GenericLogDensity_IsTheClosedForm_AndRejectsANullOutput()
    {
        var likelihood = new GaussianMeanVariance();
        double value = likelihood.LogDensity<Real>(3, [new Real(1), new Real(2)]).Value;
        AssertUlps(value, Q(-1.0) - Q(0.5 * 2.5310242469692907), 8, "log p");
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => likelihood.LogDensity<Real>(3, null!)).ParamName);
    }
}
