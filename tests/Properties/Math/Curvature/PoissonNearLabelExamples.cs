using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Poisson log rate where f ≈ ln y: the written y − λ and y·f − eᶠ kept only λ's absolute error there, in the score
/// (<see cref="PoissonLog"/>, <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/>, so r(θ) and the canonical split's
/// residual term) and in forward mode's parts (<see cref="CurvatureFormulas.LogDensity{U}"/> over the jets: ∇²R, the
/// score). Every case here failed on the old code. References: exact rationals from the double inputs, e^f enclosed by
/// <see cref="ExactExp"/> to 2^-(200 + |log₂ f|) relative, so that e^f − 1 keeps 2^-190 of itself. Bounds count the
/// roundings (u = 2^-53; k·u relative is at most k ulp) per case, with <see cref="PoissonNearLabel"/>'s remarks: the
/// score −y·expm1(s) within 6.3u (s 1.01u, its condition 1.39, expm1's Horner 3.9u, the product by y 1u).
/// </summary>
public class PoissonNearLabelExamples
{
    private static Float64[] F(params double[] v) => v.Select(Float64.Of).ToArray();

    private static RationalInterval R(Fraction x) => RationalInterval.Exact(x);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>e^f − 1 enclosed for a rational f with 0 &lt; |f| ≤ 1, to about 2^-190 relative.</summary>
    private static RationalInterval ExpMinusOne(Fraction f)
    {
        int bits = 200 - Math.Min(0, ExactDouble.FloorLog2(Fraction.Abs(f)));
        return ExactExp.Of(f, bits) - RationalInterval.Exact(1.0);
    }

    private static void AssertUlps(string name, double computed, RationalInterval exact, double ulps) =>
        Assert.True(ExactDouble.UlpError(computed, exact) <= ulps,
            $"{name} = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R} ({ExactDouble.UlpError(computed, exact):G4} ulp, bound {ulps})");

    private static CurvatureProblem<Float64> CurvedLinear(double x, double theta, double y) => new(
        new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.PoissonLog, inputs: 1), Float64.Of(1), [F(x)], [F(y)], F(theta));

    /// <summary>
    /// Curved-linear, κ = 1, x = 0, θ = 7.879789298255324e-30, y = 1: f = θ²/2 ≈ 3.1e-59, J = θ, ∇²f = 1, so
    /// ∇²R = λJ² + (λ − 1)κ ≈ 9.31e-59 (forward mode gave −0: e^f(f'' + f'²) − y·f'' rounded to 1 − 1). Counts: f = fl(θ·θ)/2 within u (J and
    /// f'' = 1 exact in the jets); ∇²R = y·(eˢ·J·J + expm1(s)·1): the first term e^s 1u, (e^s·J)·J 2u = 3u, the second
    /// expm1's Horner 3.9u + f's u + its product 1u = 5.9u, weighted 6.2 : 3.1 and summed (1u): (3·6.2 + 5.9·3.1)/9.31 + 1
    /// ≤ 5u.
    /// </summary>
    /// <summary>
    /// LogDensity over dual scalars at a non-integer label y = 2.5 inside the band (f = ln 2.5): the near-label form would
    /// read c(⌊y⌋) from its table, a silent wrong value; it is an ArgumentException naming y, as the written form's log y!
    /// was (fails on the code before the check: it returned c(2) − 2.5·φ(s)).
    /// </summary>
    [Fact]
    public void LogDensityOverDuals_AtANonIntegerLabel_IsRejected()
    {
        var poisson = new PoissonLog();
        var e = Assert.Throws<ArgumentException>(() => poisson.LogDensity(2.5, [new Verification.Numerics.Curvature.AutoDiff.Real(Math.Log(2.5))]));
        Assert.Equal("y", e.ParamName);
    }

    [Fact]
    public void CurvedLinear_WhereTheRateIsTheLabel_KeepsTheCurvatureTerm()
    {
        const double theta = 7.879789298255324e-30;
        var problem = CurvedLinear(0, theta, 1);
        var t = Q(theta);
        var f = t * t / 2;
        var expMinusOne = ExpMinusOne(f);
        var lambda = expMinusOne + RationalInterval.Exact(1.0);
        var exact = lambda * R(t * t) + expMinusOne;
        AssertUlps("∇²R[0, 0]", problem.RiskHessian()[0, 0].Value, exact, 5);
    }

    /// <summary>
    /// The first case's canonical split: its residual term −(y − λ)κ = λ − 1 ≈ 3.1e-59 came out 0 (y − λ rounded), so
    /// G + residual was 6.21e-59 for ∇²R ≈ 9.31e-59. Counts: the score's −expm1(s) 3.9u + f's u ≤ 5u.
    /// </summary>
    [Fact]
    public void CanonicalSplit_WhereTheRateIsTheLabel_KeepsTheResidualTerm()
    {
        const double theta = 7.879789298255324e-30;
        var t = Q(theta);
        var (_, residual) = CurvedLinear(0, theta, 1).Split(SplitKind.Canonical);
        AssertUlps("residual[0, 0]", residual[0, 0].Value, ExpMinusOne(t * t / 2), 5);
    }

    /// <summary>
    /// Curved-linear, κ = 1, x = −7.7e-8, θ = −2.85e-272, y = 1: f = xθ + θ²/2 ≈ 2.19e-279, J = x + θ ≈ −7.7e-8, so
    /// ∇²R = λJ² + (λ − 1) ≈ 5.93e-15 (1 % off before: the written eᶠ(f'' + J²) rounded 1 + J² to 1's grid before y·f'' = 1
    /// was subtracted). Counts: J = fl(x + θ) within u, J·J with J's error twice and its rounding 3u, times eˢ = 1 (exact
    /// here, within 2^-900 of e^f) 1u, the sum with the term expm1(s) ≈ 2e-279 (below 2^-800 of the first) 1u: 5u.
    /// </summary>
    [Fact]
    public void CurvedLinear_WhereJSquaredIsBelowAnUlpOfTheCurvature_KeepsIt()
    {
        const double x = -7.7e-8, theta = -2.85e-272;
        var problem = CurvedLinear(x, theta, 1);
        Fraction qx = Q(x), t = Q(theta);
        var f = qx * t + t * t / 2;
        var j = qx + t;
        var expMinusOne = ExpMinusOne(f);
        var exact = (expMinusOne + RationalInterval.Exact(1.0)) * R(j * j) + expMinusOne;
        AssertUlps("∇²R[0, 0]", problem.RiskHessian()[0, 0].Value, exact, 5);
    }

    /// <summary>
    /// The score at y = 1e15, f = ln y rounded (linear model, x = 1, θ = (f, 0)): r(θ) = |y − λ| ≈ 1.185 came out 1.125 (λ's ulp is
    /// 0.125); PoissonLog.Gradient and GeneralizedLinearFit.ScalarDerivatives the same. Bound: 6.3u (class remarks).
    /// </summary>
    [Fact]
    public void Score_AtALargeCountAndItsLog_IsRelativelyAccurate()
    {
        const double y = 1e15;
        double f = Math.Log(y);
        var exact = RationalInterval.Exact(y) - ExactExp.Of(f, 160);
        var problem = new CurvatureProblem<Float64>(
            new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.PoissonLog, inputs: 1), Float64.Of(0), [F(1)], [F(y)], F(f, 0));
        AssertUlps("r(θ)", problem.Residual().Value, exact.Abs(), 6.3);
        double gradient = new PoissonLog().Gradient(y, Vector<double>.Build.DenseOfArray([f]))[0];
        AssertUlps("∇ (PoissonLog)", gradient, exact, 6.3);
        var (score, _) = Verification.Numerics.Curvature.Data.GeneralizedLinearFit.ScalarDerivatives(new PoissonLog())!(y, f);
        Assert.Equal(gradient, score); // the allocation-free copy is the likelihood's formula, bit for bit (it was y − eᶠ: 1.125)
    }

    /// <summary>
    /// y = 1, f = ±0: the score y − eᶠ is exactly 0, and +0 as the written 1 − e⁰ rounded (IEEE: an exact zero difference is
    /// +0); −y·expm1(s) gave −0 at f = +0 from GeneralizedLinearFit.ScalarDerivatives, whose doc promises PoissonLog.Gradient's
    /// value bit for bit (that one, through a MathNet vector, was +0).
    /// </summary>
    [Fact]
    public void Score_WhereItIsExactlyZero_IsPositiveZero()
    {
        foreach (double f in new[] { 0.0, -0.0 })
        {
            var (score, _) = Verification.Numerics.Curvature.Data.GeneralizedLinearFit.ScalarDerivatives(new PoissonLog())!(1, f);
            Assert.Equal(0L, BitConverter.DoubleToInt64Bits(score));
            Assert.Equal(0L, BitConverter.DoubleToInt64Bits(PoissonNearLabel.Score(1, f)));
        }
    }

    /// <summary>
    /// The forward-mode score s = (y − λ)·J at the first case (J = θ, y = 1): −expm1(f)·θ ≈ −2.45e-88 came out 0 (y·J − λ·J
    /// with λ rounded to 1). Counts: expm1's 3.9u + f's u, the product by J 1u: 6u.
    /// </summary>
    [Fact]
    public void ForwardModeScore_WhereTheRateIsTheLabel_IsRelativelyAccurate()
    {
        const double theta = 7.879789298255324e-30;
        var t = Q(theta);
        var exact = -(ExpMinusOne(t * t / 2) * R(t));
        AssertUlps("s₀", CurvedLinear(0, theta, 1).Score(0)[0].Value, exact, 6);
    }

    /// <summary>log p = y·f − λ − log y! exactly enclosed (log y! as <see cref="PoissonLogRangeProperties.LogFactorial"/>).</summary>
    private static RationalInterval ExactLogDensity(double y, double f) =>
        RationalInterval.Exact(Q(y) * Q(f)) - ExactExp.Of(f, 160) - PoissonLogRangeProperties.LogFactorial(y);

    /// <summary>
    /// log p at y = 1e15, f = ln y rounded: ≈ −18.19 from terms near 3.4e16, which came out −20 (so the empirical-Fisher
    /// split's b = e^{log p} 6.1 times off); now c(y) − y·φ(f − ln y), within 9.8u (PoissonNearLabel.LogDensity). The
    /// split's inner Jacobian b·s (linear model with bias, x = 1, θ = (f, 0): b·(y − λ)·(1, 1)): b = e^{fl(log p)} within
    /// 9.8u·|log p| + 2u, s within 6.3u, the product u: (9.8·18.9 + 9.3)u relative (|log p| ≤ 18.9).
    /// </summary>
    [Fact]
    public void LogDensity_AtALargeCountAndItsLog_IsRelativelyAccurate()
    {
        const double y = 1e15;
        double f = Math.Log(y);
        var exact = ExactLogDensity(y, f);
        double logP = new PoissonLog().LogDensity(y, Vector<double>.Build.DenseOfArray([f]));
        AssertUlps("log p", logP, exact, 9.8);
        var problem = new LikelihoodProblem(new Verification.Numerics.Curvature.Models.LinearModel(1, 1, true), new PoissonLog(),
            new Dataset([Vector<double>.Build.Dense([1.0])], [y]));
        var jacobian = Splits.EmpiricalFisher(problem).InnerJacobian(0, Vector<double>.Build.Dense([f, 0.0]));
        var b = new RationalInterval(ExactExp.Of(exact.Lower, 160).Lower, ExactExp.Of(exact.Upper, 160).Upper);
        var bs = b * (RationalInterval.Exact(y) - ExactExp.Of(f, 160));
        double bound = 9.8 * 18.9 + 9.3;
        AssertUlps("b·s [0, 0]", jacobian[0, 0], bs, bound);
        AssertUlps("b·s [0, 1]", jacobian[0, 1], bs, bound);
    }

    /// <summary>
    /// y = 1.5e308, f = ln y + 0.5 (λ ≈ 2.5e308 beyond the range): ∇ = y − λ ≈ −9.7e307 is in range and, formed as
    /// −y·expm1(f − ln y) without λ, returned within 6.3u (the written y − λ was −∞, rejected as beyond the range).
    /// </summary>
    [Fact]
    public void Score_WhereOnlyTheRateOverflows_IsInRange()
    {
        const double y = 1.5e308;
        double f = Math.Log(y) + 0.5;
        var exact = RationalInterval.Exact(y) - ExactExp.Of(f, 160);
        AssertUlps("∇", new PoissonLog().Gradient(y, Vector<double>.Build.DenseOfArray([f]))[0], exact, 6.3);
    }
}
