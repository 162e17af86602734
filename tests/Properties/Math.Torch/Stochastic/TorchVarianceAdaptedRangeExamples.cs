using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.Torch.Stochastic;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Stochastic;

/// <summary>
/// The tensor SVAG step in the reference's formulas (issue 15, item 1): η̂² where v − m² cancels, and the factor for a β
/// so small that 1 − ρ(β, t) rounds to 0. Expected values are exact rationals of the inputs.
/// </summary>
public class TorchVarianceAdaptedRangeExamples
{
    /// <summary>
    /// a = 1.1 + 2^-50, v = fl(a²) + 7 ulp: η̂² = (v − a²)/a² ≈ 1.2e-15 from the exact rational, within 5 ulp (the stated
    /// relative 5u of <c>RelativeVariance</c>) in float64. The former (v/a − a)/a had an absolute error of about u, relative
    /// error of order 1 here.
    /// </summary>
    [Fact]
    public void RelativeVariance_WhereVMinusMSquaredCancels_IsRelativelyAccurate()
    {
        double a = 1.1 + Math.ScaleB(1, -50);
        double v = a * a;
        for (int i = 0; i < 7; i++)
            v = Math.BitIncrement(v);
        AssertRelativeVarianceWithinFiveUlp(a, v);
    }

    /// <summary>RelativeVariance(a, v) in float64 within 5 ulp of the exact (v − a²)/a².</summary>
    private static void AssertRelativeVarianceWithinFiveUlp(double a, double v)
    {
        using var at = tensor(new[] { a }, ScalarType.Float64);
        using var vt = tensor(new[] { v }, ScalarType.Float64);
        using var eta2 = TorchVarianceAdaptedStep.RelativeVariance(at, vt);
        double computed = eta2.item<double>();
        var qa = ExactDouble.ToFraction(a);
        var exact = (ExactDouble.ToFraction(v) - qa * qa) / (qa * qa);
        double error = ExactDouble.UlpError(computed, RationalInterval.Exact(exact));
        Assert.True(error <= 5, $"a = {a:R}, v = {v:R}: {computed:R} is {error:G3} ulp off {ExactDouble.ToDouble(exact):R}");
    }

    /// <summary>
    /// Outside (½, 2) the far form, and at v = a² exactly 0, for a across the range (2^-500 … 2^500) in float64: each within
    /// 5 ulp of the exact (v − a²)/a² (v = 3a² rounded, ratio 3; v = a², ratio 1).
    /// </summary>
    [Fact]
    public void RelativeVariance_AcrossTheRange_MatchesTheExactValue()
    {
        foreach (int k in new[] { -500, -100, -1, 0, 7, 100, 500 })
        {
            double a = Math.ScaleB(1.3, k);
            foreach (double v in new[] { a * a, 3 * a * a, a * a * 0.75 })
                AssertRelativeVarianceWithinFiveUlp(a, v);
        }
    }

    /// <summary>
    /// SVAG with β = 2^-60 and the same gradient 1 twice: m = v = 1 exactly (1 − β rounds to 1), η̂² = 0 and the factor is 1,
    /// so Δθ₁ = −α. The former κ/(1 − ρ) was 1/0 = ∞ (ρ rounded to 1) and ∞·0 made the step NaN. Float64 and float32.
    /// </summary>
    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void Svag_TinyBeta_EqualGradients_StepIsMinusAlpha(ScalarType dtype)
    {
        double beta = Math.ScaleB(1, -60);
        using var state = new TorchVarianceAdaptedStep(VarianceAdaptedMethod.Svag, 0.01, beta, beta, 0, [1], dtype, CPU);
        using var g = ones([1], dtype);
        using var first = state.Step(g);
        using var second = state.Step(g);
        Assert.Equal(dtype == ScalarType.Float64 ? -0.01 : (double)-0.01f, second.to(ScalarType.Float64).item<double>());
    }
}
