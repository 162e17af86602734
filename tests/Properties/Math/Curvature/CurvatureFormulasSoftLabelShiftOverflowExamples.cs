using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.LogDensity{U}"/> of the softmax with soft labels summing to 1 where a labelled class's
/// f_c − max f is beyond −double.MaxValue. The shifted form Σ y_c(f_c − m) − log Σ e^{f_c − m} of stop 41 took
/// y_c·(−∞) there: −∞ in doubles and a rejection in forward mode, where yᵀf − log Σ e^{f_c} is in range. Both cases failed
/// on the code before <c>LabelledShiftsInRange</c>.
/// </summary>
public class CurvatureFormulasSoftLabelShiftOverflowExamples
{
    private static readonly CurvatureShape Softmax2 = new(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, 1, 1, 2);

    private static Float64[] F(params double[] v) => v.Select(Float64.Of).ToArray();

    /// <summary>
    /// f = (D, −D), D = 1e308: log p = y₀D − y₁D − D − log(1 + e^{−2D}), exactly (y₀ − y₁ − 1)·D − δ with 0 &lt; δ &lt; 2^-1074.
    /// y = (½, ½): −D, and every step of yᵀf − (m + log1p(0)) is exact (halving, a zero sum, log1p(0) = 0), so −D bit for bit.
    /// y = (¼, ¾): −1.5D; ¼D, ¾D and ¼D − ¾D = −½D are exact, −½D − D rounds once: within u·1.5D, plus δ.
    /// The shifted form gave −∞ for both.
    /// </summary>
    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.25, 0.75)]
    public void Value_WhereALabelledShiftOverflows_IsInRange(double y0, double y1)
    {
        const double d = 1e308;
        double computed = CurvatureFormulas.LogDensity(Softmax2, F(y0, y1), F(d, -d)).Value;
        var exact = (ExactDouble.ToFraction(y0) - ExactDouble.ToFraction(y1) - 1) * ExactDouble.ToFraction(d);
        var bound = ExactDouble.Pow2(-53) * Fraction.Abs(exact) + ExactDouble.Pow2(-1074);
        Assert.True(double.IsFinite(computed) && Fraction.Abs(ExactDouble.ToFraction(computed) - exact) <= bound,
            $"log p = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");
    }

    /// <summary>
    /// Forward mode at y = (½, ½), f = (D, −D): ∇_f(−log p) = π − y = (½ − ε, −½ + ε) with ε = e^{−2D}/(1 + e^{−2D}) below
    /// 2^-1074, so (½, −½) rounded; ∇² = diag(π) − ππᵀ has entries ±π₀π₁, below 2^-1074, so 0. Over doubles π = (1, 0)
    /// exactly (e^{−∞} = 0, 1 + 0 = 1), so both are these values bit for bit. The shifted form rejected the input (½·(−∞)).
    /// </summary>
    [Fact]
    public void ForwardMode_WhereALabelledShiftOverflows_IsComputed()
    {
        var y = new[] { HyperDualReal<Float64>.Of(0.5), HyperDualReal<Float64>.Of(0.5) };
        var g = ForwardModeFormulas.Gradient(v => -CurvatureFormulas.LogDensity(Softmax2, y, v), F(1e308, -1e308));
        Assert.Equal([0.5, -0.5], g.Select(v => v.Value));
        var h = ForwardModeFormulas.Hessian(v => -CurvatureFormulas.LogDensity(Softmax2, y, v), F(1e308, -1e308));
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < 2; k++)
                Assert.Equal(0.0, Math.Abs(h[i, k].Value));
    }
}
