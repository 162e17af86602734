using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// The steps −(γ/L)·g of thesis Propositions 4.1 and 4.2 (<see cref="AdaptiveBatchSgd"/>, <see cref="VarianceAdaptedStepSgd"/>)
/// where γ/L leaves the double range: on a deterministic quadratic (η² = 0, so γ = 1 for both rules here) the exact first
/// step is −g_i/L, a rational of the inputs.
/// </summary>
public class AdaptiveBatchSgdRangeExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static IOptimizer[] Rules(double smoothness) =>
        [new AdaptiveBatchSgd(smoothness, 1, 2, 8), new VarianceAdaptedStepSgd(smoothness, 2)];

    /// <summary>
    /// L = 1e-320 (γ/L overflowed to ∞) and ∇f(0) = (1e-20, 0, −3e-300): the exact step is (−1e300, 0, 3e20·(1 + …));
    /// the former step was (−∞, NaN, +∞). Now within the 2 ulp of the scaled product (three roundings), the zero entry 0.
    /// </summary>
    [Fact]
    public void Step_WithSmoothnessBelowTheRangeOfOneOverL_IsTheExactStep()
    {
        double smoothness = 1e-320;
        double[] g = [1e-20, 0, -3e-300];
        foreach (var rule in Rules(smoothness))
        {
            var run = rule.Start(Quadratic.Diagonal(V(1, 1, 1), V([.. g.Select(x => -x)])), V(0, 0, 0));
            var step = run.Step();
            for (int i = 0; i < g.Length; i++)
            {
                var exact = -ExactDouble.ToFraction(g[i]) / ExactDouble.ToFraction(smoothness);
                double error = ExactDouble.UlpError(step[i], RationalInterval.Exact(exact));
                Assert.True(error <= 2, $"{rule.Name}: step[{i}] = {step[i]:R}, {error:R} ulp from −g/L");
            }
        }
    }

    /// <summary>L = 1.5e308: γ/L ≈ 6.7e-309 is subnormal (about 50 bits), so the scaled product runs; exact −g/L within 2 ulp.</summary>
    [Fact]
    public void Step_WithLargeSmoothness_IsTheExactStep()
    {
        double smoothness = 1.5e308;
        double[] g = [1e300, -7e307];
        foreach (var rule in Rules(smoothness))
        {
            var step = rule.Start(Quadratic.Diagonal(V(1, 1), V([.. g.Select(x => -x)])), V(0, 0)).Step();
            for (int i = 0; i < g.Length; i++)
            {
                var exact = -ExactDouble.ToFraction(g[i]) / ExactDouble.ToFraction(smoothness);
                double error = ExactDouble.UlpError(step[i], RationalInterval.Exact(exact));
                Assert.True(error <= 2, $"{rule.Name}: step[{i}] = {step[i]:R}, {error:R} ulp from −g/L");
            }
        }
    }

    /// <summary>L = 1e-300 and g = 1e100: the exact step −1e400 is beyond the range; an ArgumentException, not −∞.</summary>
    [Fact]
    public void Step_BeyondTheDoubleRange_IsRejected()
    {
        foreach (var rule in Rules(1e-300))
        {
            var run = rule.Start(Quadratic.Diagonal(V(1), V(-1e100)), V(0));
            Assert.Equal("sample", Assert.Throws<ArgumentException>(() => run.Step()).ParamName);
        }
    }
}
