using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ARC's decision where the predicted decrease m(0) − m(s) &gt; 0 underflows to 0 for a nonzero step (found by
/// ArcAcceptanceRangeProperties, stop 43): f(θ) = aθ + (c/6)θ³ at θ = 0 with a = −10⁻³⁰⁰, σ = 1, H = 0, so
/// s = √(|a|/σ) ≈ 10⁻¹⁵⁰ and m(0) − m(s) = |a|s − s³/3 ≈ 6.7·10⁻⁴⁵¹, below 2^-1075. Each case failed on the old code,
/// which took P̂ = 0 for a stationary point: not accepted, σ unchanged, the actual decrease reported as 0 unevaluated.
/// </summary>
public class ArcRangeExamples
{
    private static ArcIteration IterateAt0(double c, out RoundedSeparableCubic f)
    {
        f = new RoundedSeparableCubic(0, [0], [-1e-300], [0], [c]);
        return new Arc().Iterate(f, Vector<double>.Build.Dense(1), 1);
    }

    /// <summary>c = 6·10²⁰⁰: f(s) ≈ +10⁻²⁵⁰, ρ ≈ −1.5·10²⁰⁰ &lt; η₁: rejected and σ raised to γ_inc·σ = 2.</summary>
    [Fact]
    public void UnderflowedPromise_WithAnIncrease_IsRejectedAndRaisesSigma()
    {
        var it = IterateAt0(6e200, out var f);
        Assert.NotEqual(0, it.Trial[0]);
        Assert.Equal(0, it.PredictedDecrease);
        Assert.Equal(0 - f.Value(it.Trial), it.ActualDecrease);
        Assert.True(it.ActualDecrease < -9e-251, $"actual {it.ActualDecrease:R}");
        Assert.False(it.Accepted);
        Assert.Equal(2, it.SigmaAfter);
    }

    /// <summary>c = −6·10²⁰⁰: f(s) ≈ −10⁻²⁵⁰, ρ ≈ 1.5·10²⁰⁰ ≥ η₂: accepted, very successful, σ ← γ_dec·σ = ½.</summary>
    [Fact]
    public void UnderflowedPromise_WithADecrease_IsAcceptedAndLowersSigma()
    {
        var it = IterateAt0(-6e200, out var f);
        Assert.Equal(0, it.PredictedDecrease);
        Assert.Equal(0 - f.Value(it.Trial), it.ActualDecrease);
        Assert.True(it.ActualDecrease > 9e-251, $"actual {it.ActualDecrease:R}");
        Assert.True(it.Accepted);
        Assert.Equal(0.5, it.SigmaAfter);
    }

    /// <summary>
    /// c = 0: f(s) = as ≈ −10⁻⁴⁵⁰ rounds to −0, so the doubles show no decrease either: ρ is not formed (0/0) and the
    /// step is rejected with σ raised, as the rule does for any ρ not ≥ η₁, instead of stalling with σ unchanged.
    /// </summary>
    [Fact]
    public void UnderflowedPromise_WithNoVisibleDecrease_IsRejectedAndRaisesSigma()
    {
        var it = IterateAt0(0, out _);
        Assert.NotEqual(0, it.Trial[0]);
        Assert.Equal(0, it.ActualDecrease);
        Assert.False(it.Accepted);
        Assert.Equal(2, it.SigmaAfter);
    }
}
