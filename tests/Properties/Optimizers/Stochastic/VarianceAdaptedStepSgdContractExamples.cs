using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>SGD with Proposition 4.1's step γ*/L, γ* = (1 + η²/m)⁻¹ (thesis eq. 4.11): contract, name, and the exact-η² rule by hand.</summary>
public class VarianceAdaptedStepSgdContractExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>The estimated rule needs m ≥ 2, the exact one m ≥ 1; the message states the bound of the rule at hand.</summary>
    [Fact]
    public void BatchSize_BoundDependsOnTheRule()
    {
        var estimated = Assert.Throws<ArgumentException>(() => new VarianceAdaptedStepSgd(1, 1));
        Assert.Equal("batchSize", estimated.ParamName);
        Assert.Contains("batchSize must be ≥ 2 (an estimate of η² needs two samples), got 1", estimated.Message);
        var exact = Assert.Throws<ArgumentException>(() => new VarianceAdaptedStepSgd(1, 0, exactNoise: true));
        Assert.Equal("batchSize", exact.ParamName);
        Assert.Contains("batchSize must be ≥ 1", exact.Message);
    }

    /// <summary>The name shows L, m and whether η² is exact.</summary>
    [Fact]
    public void Name_SaysWhichRule()
    {
        Assert.Equal("sgd-prop4.1(L=2, m=3)", new VarianceAdaptedStepSgd(2, 3).Name);
        Assert.Equal("sgd-prop4.1(L=2, m=1, exact η²)", new VarianceAdaptedStepSgd(2, 1, exactNoise: true).Name);
    }

    /// <summary>γ* needs η² ≥ 0 (NaN and negative rejected naming eta2) and m &gt; 0 (named batchSize).</summary>
    [Fact]
    public void OptimalStepFactor_RejectsBadInputs()
    {
        foreach (double eta2 in new[] { double.NaN, -1.0 })
        {
            var e = Assert.Throws<ArgumentException>(() => VarianceAdaptedStepSgd.OptimalStepFactor(eta2, 1));
            Assert.Equal("eta2", e.ParamName);
            Assert.Contains("eta2 must be ≥ 0", e.Message);
        }
        Assert.Equal("batchSize", Assert.Throws<ArgumentException>(() => VarianceAdaptedStepSgd.OptimalStepFactor(1, 0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentException>(() => VarianceAdaptedStepSgd.OptimalStepFactor(1, -1)).ParamName);
    }

    /// <summary>The exact rule on an objective without a closed-form Σ is rejected at start, naming the objective.</summary>
    [Fact]
    public void ExactRule_NeedsAClosedFormSigma()
    {
        var e = Assert.Throws<ArgumentException>(() => new VarianceAdaptedStepSgd(1, 1, exactNoise: true).Start(new LinearObjective(1), V(0)));
        Assert.Equal("objective", e.ParamName);
        Assert.Contains("objective linear has no closed-form Σ", e.Message);
    }

    /// <summary>
    /// The exact rule uses the objective's η² = tr(Σ)/‖∇f‖² = 4/4 = 1, not the sample's (none at m = 1, so an estimate
    /// would be 0): γ* = 1/(1 + 1/1) = ½, L = 1, Δ = −½·g = −1 for the sample g = 2 (exact).
    /// </summary>
    [Fact]
    public void ExactRule_UsesTheObjectivesNoiseToSignal()
    {
        var f = new ScriptedStochasticObjective(V(2), V(4), new GradientSample(V(2), 1, null));
        Assert.Equal(-1.0, new VarianceAdaptedStepSgd(1, 1, exactNoise: true).Start(f, V(0)).Step()[0]);
    }

    /// <summary>L = 1e-300, g = 1e300, η² = 0 (zero sample variance): the step −g/L is beyond the double range, rejected naming the sample.</summary>
    [Fact]
    public void StepBeyondTheRange_IsRejected()
    {
        var f = new ScriptedStochasticObjective(V(1), null, new GradientSample(V(1e300), 2, V(0)));
        var e = Assert.Throws<ArgumentException>(() => new VarianceAdaptedStepSgd(1e-300, 2).Start(f, V(0)).Step());
        Assert.Equal("sample", e.ParamName);
        Assert.Contains("beyond the double range", e.Message);
    }
    /// <summary>
    /// γ/L below the double range: the exact rule with ∇f = 2^-200, Σ = 2^500 gives η² = 2^900 and γ* = 1/(1 + 2^900) = 2^-900
    /// (exact), L = 3·2^200, so γ/L = 2^-1100/3 underflows to 0; the step for the sample g = 2^1000 is −γ·g/L = −2^-100/3, a
    /// normal double, within 2 ulp (SmoothnessStep's bound for the scaled form; a relative 2·2^-52, two-sided). The plain
    /// −(γ/L)·g gave −0.
    /// </summary>
    [Fact]
    public void FactorBelowTheNormalRange_StepsThroughTheScaledForm()
    {
        const double twoUlps = 2 * 2.220446049250313e-16;
        var f = new ScriptedStochasticObjective(V(Math.ScaleB(1, -200)), V(Math.ScaleB(1, 500)), new GradientSample(V(Math.ScaleB(1, 1000)), 1, null));
        double step = new VarianceAdaptedStepSgd(3 * Math.ScaleB(1, 200), 1, exactNoise: true).Start(f, V(0)).Step()[0];
        double expected = -Math.ScaleB(1, -100) / 3;
        Assert.InRange(step, expected - twoUlps * Math.Abs(expected), expected + twoUlps * Math.Abs(expected));
    }
}
