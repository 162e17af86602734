using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// Adam's rule at the small end of the gradient range. The first step is exactly −α·g/(|g| + ε) (m̃/c₁ = g and ṽ/c₂ = g²
/// as rationals), so it has an exact reference; the computed step rounds (1 − β)g, (1 − β)g², the two bias divisions,
/// √, + ε, ÷ and ×α: at most 8 roundings, so within 8 ulp wherever ṽ is normal or ε dominates √ṽ.
/// </summary>
public class AdamUnderflowExamples
{
    private static Vector<double> FirstStep(double alpha, double epsilon, double g) =>
        new Adam(alpha, epsilon: epsilon).StartRule(1)
            .Step(Vector<double>.Build.Dense(1), new GradientSample(Vector<double>.Build.DenseOfArray([g]), 1, null), 0);

    private static RationalInterval ExactFirstStep(double alpha, double epsilon, double g)
    {
        var fg = ExactDouble.ToFraction(g);
        return RationalInterval.Exact(-ExactDouble.ToFraction(alpha) * fg / (Fraction.Abs(fg) + ExactDouble.ToFraction(epsilon)));
    }

    /// <summary>
    /// ε = 0, g = 1e-170: g² underflows to 0, so ṽ = 0 while m̃ = 0.1·g ≠ 0, and the step was 0 (Direction's 0/0 branch)
    /// where the exact first step is −α. Now rejected naming the gradient (fails on the old code), and the rule's state
    /// does not move: the next ordinary step equals a fresh rule's first step.
    /// </summary>
    [Theory]
    [InlineData(1e-170)]
    [InlineData(-1e-160)]
    [InlineData(1e-320)]
    [InlineData(1e-153)] // v = 0.001·g² ≈ 1e-309 is subnormal though ṽ = v/c₂ ≈ g² is normal: the rule checks v, as documented
    public void ZeroEpsilon_WhereTheSquareUnderflows_IsRejectedNamingTheGradient(double g)
    {
        var adam = new Adam(0.001, epsilon: 0);
        var rule = adam.StartRule(1);
        var theta = Vector<double>.Build.Dense(1);
        var e = Assert.Throws<ArgumentException>(() => rule.Step(theta, new GradientSample(Vector<double>.Build.DenseOfArray([g]), 1, null), 0));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("below 2^-1022", e.Message);
        var unit = new GradientSample(Vector<double>.Build.DenseOfArray([0.5]), 1, null);
        Assert.Equal(adam.StartRule(1).Step(theta, unit, 0).ToArray(), rule.Step(theta, unit, 0).ToArray());
    }

    /// <summary>
    /// Where ṽ stays normal (ε = 0, |g| ≥ 2^-500) or ε ≥ 2^-480 dominates √ṽ, and m̃ is normal, the tiny first step is
    /// accurate (8 ulp). A subnormal m̃ is carried as m̃·2^500 since stop 42 (AdamRangeProperties.SubnormalMean_StepsAreAccurate).
    /// </summary>
    [Theory]
    [InlineData(0.0, 1e-150)]
    [InlineData(0.0, -3.054936363499605e-151)] // 2^-500
    [InlineData(1e-8, 1e-170)]
    [InlineData(1e-8, -1e-300)]
    [InlineData(3.2033329522929615e-145, 1e-200)]
    public void FirstStep_AtTinyGradients_IsWithinEightUlp(double epsilon, double g)
    {
        double alpha = 0.001;
        double computed = FirstStep(alpha, epsilon, g)[0];
        double error = ExactDouble.UlpError(computed, ExactFirstStep(alpha, epsilon, g));
        Assert.True(error <= 8, $"ε = {epsilon:R}, g = {g:R}: step {computed:R}, exact {ExactDouble.ToDouble(ExactFirstStep(alpha, epsilon, g).Lower):R}, {error} ulp");
    }

    /// <summary>
    /// β₂ = 1 − 2^-53, ε = 2^-480: v = 2^-53·g² is subnormal (5e-324 here, relative error up to ½) while ṽ = v/c₂ ≈ g²
    /// and √ṽ ≈ 2^-511 is not negligible against ε, so the step was 1.2e6 ulp from the exact −α·g/(|g| + ε) (fails on
    /// the old code, whose test ε &lt; 2^-480 ignored c₂ = 2^-53). Now rejected naming the gradient, or within the 8 ulp above.
    /// </summary>
    [Fact]
    public void SmallEpsilon_WithASmallBiasCorrection_IsRejectedOrAccurate()
    {
        double alpha = 0.001, epsilon = Adam.SmallEpsilon, g = 2.5835692292877516e-154, beta2 = 1 - Math.ScaleB(1.0, -53);
        var rule = new Adam(alpha, 0.9, beta2, epsilon).StartRule(1);
        var sample = new GradientSample(Vector<double>.Build.DenseOfArray([g]), 1, null);
        var e = Record.Exception(() => rule.Step(Vector<double>.Build.Dense(1), sample, 0));
        if (e is not null)
        {
            Assert.Equal("gradient", Assert.IsType<ArgumentException>(e).ParamName);
            return;
        }
        double computed = new Adam(alpha, 0.9, beta2, epsilon).StartRule(1).Step(Vector<double>.Build.Dense(1), sample, 0)[0];
        double error = ExactDouble.UlpError(computed, ExactFirstStep(alpha, epsilon, g));
        Assert.True(error <= 8, $"step {computed:R}, {error} ulp");
    }

    /// <summary>Direction(1, 0, 0) = 1/0 is unbounded: rejected naming v (it returned 0); Direction(0, 0, 0) stays 0.</summary>
    [Fact]
    public void Direction_OfANonzeroMeanOverZero_IsRejected()
    {
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Adam.Direction(1, 0, 0)).ParamName);
        Assert.Equal(0, Adam.Direction(0, 0, 0));
        Assert.Equal(Adam.SmallEpsilon, Math.ScaleB(1.0, -480));
    }

    /// <summary>
    /// The rejection's edge: with ε = 0 (below <see cref="Adam.SmallEpsilon"/>) a v of exactly 2^-1022 is the smallest
    /// normal double and keeps every digit, so the step is computed, not rejected. β₁ = ½, β₂ = ¾, g = 2^-510: the first
    /// step's v = ¼·2^-1020 = 2^-1022 and m = ½g, bias-corrected m̂ = g and v̂ = 2^-1020 = g², so −α·m̂/√v̂ = −α = −1 exactly.
    /// </summary>
    [Fact]
    public void FirstStep_WithVExactlyTheSmallestNormal_IsComputed()
    {
        var sample = new GradientSample(Vector<double>.Build.DenseOfArray([Math.ScaleB(1.0, -510)]), 1, null);
        Assert.Equal(-1.0, new Adam(1, 0.5, 0.75, 0).StartRule(1).Step(Vector<double>.Build.Dense(1), sample, 0)[0]);
    }
}
