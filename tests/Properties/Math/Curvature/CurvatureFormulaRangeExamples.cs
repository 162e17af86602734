using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas"/> in <see cref="Float64"/> where the written forms failed (issue 15, item 1); every
/// expected value by hand from the inputs.
/// </summary>
public class CurvatureFormulaRangeExamples
{
    /// <summary>Relative tolerance 1e-14: the expected values are a few roundings (u = 1.1e-16) from the exact ones.</summary>
    private const double Relative = 1e-14;

    private static readonly CurvatureShape Mlp = new(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, inputs: 1, hidden: 1);

    private static Float64[] D(params double[] v) => v.Select(x => new Float64(x)).ToArray();

    /// <summary>
    /// A saturated tanh unit, θ = (W₁ = (a, 0), W₂ = (1, 0)), x = 1: ∂f/∂W₁[0,0] = sech²a = 4e^{−2a}(1 + e^{−2a})^{−2}, which
    /// is 4e^{−700} ≈ 3.94e-304 at a = 350 (the written 4e/(e + 1)² with e = e^{700} gave 4e/∞ = 0) and at a = 360 a positive
    /// subnormal (e = e^{720} = ∞ gave ∞/∞ = NaN). Expected: 4·e^{−a}·e^{−a} (the last factor is 1 to 1e-300).
    /// </summary>
    [Theory]
    [InlineData(350)]
    [InlineData(360)]
    [InlineData(-350)]
    public void ModelDerivatives_SaturatedTanh_HasTheExactSlope(double a)
    {
        var e = CurvatureFormulas.ModelDerivatives(Mlp, new Float64(0), D(1), D(a, 0, 1, 0));
        double expected = 4 * Math.Exp(-Math.Abs(a)) * Math.Exp(-Math.Abs(a));
        double slope = e.Jacobian[0, 0].Value;
        // normal: 1e-14 relative; subnormal (a = 360, ≈ 8.9e-313): a few steps of 2^-1074 from the three roundings
        Assert.True(Math.Abs(slope - expected) <= Math.Max(Relative * expected, 4 * double.Epsilon), $"J = {slope:R}, expected {expected:R}");
        Assert.Equal(Math.Sign(a), e.Jacobian[0, 2].Value); // ∂f/∂W₂[0,0] = h = tanh a = ±1 in doubles
    }

    /// <summary>tanh a = a(1 − a²/3 + …) at a = 1e-20 and at the subnormal 5e-324 (1 − 2/(e^{2a} + 1) gave 0 for both).</summary>
    [Theory]
    [InlineData(1e-20)]
    [InlineData(-1e-20)]
    [InlineData(5e-324)]
    public void Tanh_OfATinyArgument_IsTheArgument(double a) =>
        Assert.Equal(a, CurvatureFormulas.Tanh(new Float64(a)).Value);

    /// <summary>softplus(−50) = log(1 + e^{−50}) = e^{−50}(1 − e^{−50}/2 + …) ≈ 1.93e-22 (log(1 + e^{−50}) gave 0).</summary>
    [Fact]
    public void Softplus_OfALargeNegativeArgument_IsItsExponential()
    {
        double value = CurvatureFormulas.Softplus(new Float64(-50)).Value;
        Assert.InRange(value / Math.Exp(-50) - 1, -Relative, Relative);
    }

    /// <summary>log(e⁰ + e^{−50}) = log1p(e^{−50}) ≈ e^{−50} (the sum rounded to 1 and the log gave 0).</summary>
    [Fact]
    public void LogSumExp_WithATinyTail_KeepsTheTail()
    {
        double value = CurvatureFormulas.LogSumExp(D(0, -50)).Value;
        Assert.InRange(value / Math.Exp(-50) - 1, -Relative, Relative);
    }
}
