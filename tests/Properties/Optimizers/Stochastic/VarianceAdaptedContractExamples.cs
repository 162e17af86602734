using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// SVAG and M-SVAG (thesis Algs. 4 and 2, §5.4.4): the input contract of the constructor and of the factor, the name, and
/// two steps by hand on a scripted gradient sequence.
/// </summary>
public class VarianceAdaptedContractExamples
{
    /// <summary>
    /// The bound on <see cref="VarianceAdapted.Factor"/> from its doc comment: within 28 ulp where the factor is normal, so
    /// the step −α·γ·x (α = 1, x a power of two here: exact) is within 28 ulp of the exact step, i.e. a relative
    /// 28·2^-52 bounds it from above (two-sided).
    /// </summary>
    private const double FactorRelative = 28 * 2.220446049250313e-16;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>β must be a finite value in (0, 1): NaN and 1 are rejected naming beta (NaN was accepted).</summary>
    [Fact]
    public void Constructor_RejectsBetaOutsideTheRange()
    {
        var nan = Assert.Throws<ArgumentException>(() => VarianceAdapted.Svag(0.1, double.NaN));
        Assert.Equal("beta", nan.ParamName);
        Assert.Contains("finite", nan.Message);
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => VarianceAdapted.MSvag(0.1, 1)).ParamName);
    }

    /// <summary>m ≥ 1 is accepted (m = 1 is the default), m = 0 rejected naming batchSize and the range.</summary>
    [Fact]
    public void Constructor_BatchSizeContract()
    {
        Assert.Equal(1, VarianceAdapted.Svag(0.1, 0.5).BatchSize);
        Assert.Equal(4, VarianceAdapted.MSvag(0.1, 0.5, 4).BatchSize);
        var e = Assert.Throws<ArgumentException>(() => VarianceAdapted.Svag(0.1, 0.5, 0));
        Assert.Equal("batchSize", e.ParamName);
        Assert.Contains("batchSize must be ≥ 1, got 0", e.Message);
    }

    /// <summary>Svag steps along g, MSvag along m, and the name says which.</summary>
    [Fact]
    public void Factories_AndNames()
    {
        var svag = VarianceAdapted.Svag(0.5, 0.25, 3);
        var msvag = VarianceAdapted.MSvag(0.5, 0.25, 3);
        Assert.False(svag.Momentum);
        Assert.True(msvag.Momentum);
        Assert.Equal("svag(α=0.5, β=0.25, m=3)", svag.Name);
        Assert.Equal("m-svag(α=0.5, β=0.25, m=3)", msvag.Name);
    }

    /// <summary>Factor rejects a non-finite m, a negative v and t &lt; 0, each by name, already at t = 0.</summary>
    [Fact]
    public void Factor_RejectsBadInputs()
    {
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => VarianceAdapted.Factor(double.NaN, 1, 0.5, 0, false)).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => VarianceAdapted.Factor(1, -1, 0.5, 0, false)).ParamName);
        var t = Assert.Throws<ArgumentException>(() => VarianceAdapted.Factor(1, 1, 0.5, -1, false));
        Assert.Equal("t", t.ParamName);
        Assert.Contains("t must be ≥ 0, got -1", t.Message);
        var beta = Assert.Throws<ArgumentException>(() => VarianceAdapted.Factor(1, 1, 0, 1, true));
        Assert.Equal("beta", beta.ParamName);
        Assert.Contains("beta must be in (0, 1) for t ≥ 1", beta.Message);
    }

    /// <summary>At t = 0, ŝ₀ = 0: the factor is 1, or 0 where m = 0 (no update, §5.4.4).</summary>
    [Fact]
    public void Factor_AtTheFirstStep()
    {
        Assert.Equal(0.0, VarianceAdapted.Factor(0, 0, 0.5, 0, false));
        Assert.Equal(0.0, VarianceAdapted.Factor(0, 3, 0.5, 0, true));
        Assert.Equal(1.0, VarianceAdapted.Factor(2, 4, 0.5, 0, false));
    }

    /// <summary>
    /// β = ½, α = 1, g₀ = 2, g₁ = ½ (all moving averages exact in binary): at t = 1, m = (¼·2 + ½·½)/¾ = 1,
    /// v = (¼·4 + ½·¼)/¾ = 3/2, ρ(½, 1) = (½·5/4)/((3/2)·(3/4)) = 5/9, ŝ = (v − m²)/(1 − ρ) = 9/8; SVAG γ = 1/(1 + 9/8) = 8/17
    /// and Δ₁ = −γ·g₁ = −4/17; M-SVAG γ = 1/(1 + ρŝ) = 8/13 and Δ₁ = −γ·m = −8/13. At t = 0 both are −g₀ = −2.
    /// </summary>
    [Fact]
    public void TwoSteps_ByHand()
    {
        AssertSteps(VarianceAdapted.Svag(1, 0.5), -4.0 / 17);
        AssertSteps(VarianceAdapted.MSvag(1, 0.5), -8.0 / 13);
    }

    private static void AssertSteps(VarianceAdapted optimizer, double expectedSecond)
    {
        var f = new ScriptedStochasticObjective(V(0), null, new GradientSample(V(2), 1, null), new GradientSample(V(0.5), 1, null));
        var run = optimizer.Start(f, V(0));
        Assert.Equal(-2.0, run.Step()[0]);
        double second = run.Step()[0];
        Assert.InRange(second, expectedSecond - FactorRelative * Math.Abs(expectedSecond), expectedSecond + FactorRelative * Math.Abs(expectedSecond));
    }
}
