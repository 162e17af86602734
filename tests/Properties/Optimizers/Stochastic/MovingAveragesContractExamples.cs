using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The input contract of the bias-corrected moving average (thesis eqs. 5.1–5.3): each bad input named, with its range.</summary>
public class MovingAveragesContractExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>A non-finite y would poison every later average; a longer y would be silently truncated.</summary>
    [Fact]
    public void Add_RejectsNonFiniteOrMislengthValues()
    {
        var avg = new MovingAverages(0.5, 2);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => avg.Add(V(1, double.NaN))).ParamName);
        var e = Assert.Throws<ArgumentException>(() => avg.Add(V(1, 2, 3)));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("length 3, expected 2", e.Message);
        Assert.Equal(0, avg.Count);
    }

    /// <summary>Before the first value there is no average (1 − β^0 = 0 would divide by zero).</summary>
    [Fact]
    public void BiasCorrected_BeforeAnyValue_IsInvalid()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new MovingAverages(0.5, 2).BiasCorrected);
        Assert.Contains("no value has been added yet", e.Message);
    }

    /// <summary>β = NaN is named as not finite; β = 1 with the range and the reason.</summary>
    [Fact]
    public void RequireBeta_SaysWhy()
    {
        var nan = Assert.Throws<ArgumentException>(() => MovingAverages.RequireBeta(double.NaN, "b"));
        Assert.Equal("b", nan.ParamName);
        Assert.Contains("b must be finite", nan.Message);
        var one = Assert.Throws<ArgumentException>(() => MovingAverages.RequireBeta(1, "b"));
        Assert.Equal("b", one.ParamName);
        Assert.Contains("b must be in [0, 1) (β = 1 divides by 1 − β^(t+1) = 0), got 1", one.Message);
    }

    /// <summary>OneMinusPower checks β as the moving average does (NaN named as not finite).</summary>
    [Fact]
    public void OneMinusPower_RejectsNaNBetaAsNotFinite()
    {
        var e = Assert.Throws<ArgumentException>(() => MovingAverages.OneMinusPower(double.NaN, 2));
        Assert.Equal("beta", e.ParamName);
        Assert.Contains("beta must be finite", e.Message);
    }

    /// <summary>ρ(β, t) needs t ≥ 0 (eq. 5.15 sums over s = 0…t).</summary>
    [Fact]
    public void Rho_RejectsNegativeT()
    {
        var e = Assert.Throws<ArgumentException>(() => MovingAverages.Rho(0.5, -1));
        Assert.Equal("t", e.ParamName);
        Assert.Contains("t must be ≥ 0, got -1", e.Message);
    }

    /// <summary>
    /// ρ(β, t) checks β first and in its own words: with β = 1 and t = −1 both are wrong, and the rejection names β and
    /// says why β = 1 is excluded from ρ (its 1 − β^(t+1) = 0), not t, and not the generic words of 1 − βⁿ.
    /// </summary>
    [Fact]
    public void Rho_ChecksBetaFirst_InItsOwnWords()
    {
        ArgumentAssert.Rejects(() => MovingAverages.Rho(1, -1), "beta", "beta must be in [0, 1) (β = 1 divides by 1 − β^(t+1) = 0)");
        ArgumentAssert.Rejects(() => MovingAverages.Rho(1, 3), "beta", "β = 1 divides by 1 − β^(t+1) = 0");
    }
}
