using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The prediction functions of balles-thesis §7.1 at the ends of the double range (issue 15, item 1), each value derived
/// by hand from the inputs; every case gave a wrong value, ∞ or NaN before the models carried their sums and products
/// scaled and formed sech² without cancellation.
/// </summary>
public class ModelRangeExamples
{
    /// <summary>Relative tolerance 1e-15: the values below are exact or one to three roundings (a few u = 1.1e-16) away.</summary>
    private const double Relative = 1e-15;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    /// <summary>W = (1e308, −1e308), bias 1e308, x = (1, 1): f = 1e308 exactly (the running sum overflowed to ∞).</summary>
    [Fact]
    public void LinearModel_PartialSumBeyondTheRange_IsTheExactSum()
    {
        var f = new LinearModel(2).Output(V(1, 1), V(1e308, -1e308, 1e308));
        Assert.Equal(1e308, f[0]);
    }

    /// <summary>W = (1e200, −1e200), bias 0, x = (1e200, 1e200): the products are ±1e400 and cancel, f = 0 (was NaN = ∞ − ∞).</summary>
    [Fact]
    public void LinearModel_CancellingProductsBeyondTheRange_GiveTheExactSum()
    {
        var f = new LinearModel(2).Output(V(1e200, 1e200), V(1e200, -1e200, 0));
        Assert.Equal(0, f[0]);
    }

    /// <summary>
    /// W = (2^350, −2^350), x = (2^700, 2^700 − 2^648): the products are beyond the range (≈ 2^1050) but their difference
    /// 2^350·2^648 = 2^998 is a double (was NaN = ∞ − ∞).
    /// </summary>
    [Fact]
    public void LinearModel_NearlyCancellingProductsBeyondTheRange_GiveTheExactDifference()
    {
        double w = Math.ScaleB(1, 350), x0 = Math.ScaleB(1, 700), x1 = x0 - Math.ScaleB(1, 648);
        var f = new LinearModel(2, bias: false).Output(V(x0, x1), V(w, -w));
        Assert.Equal(Math.ScaleB(1, 998), f[0]);
    }

    /// <summary>A value beyond the range overflows to ∞ of its sign: W = (−1e200), x = 1e200, f = −1e400 → −∞.</summary>
    [Fact]
    public void LinearModel_ExactValueBeyondTheRange_IsInfinityOfItsSign()
    {
        var f = new LinearModel(1, bias: false).Output(V(1e200), V(-1e200));
        Assert.Equal(double.NegativeInfinity, f[0]);
    }

    /// <summary>κ = 1e-300, θ = 1e200, x = 0: f = κθ²/2 = 5e99 (θ² overflowed, f was ∞).</summary>
    [Fact]
    public void CurvedLinearModel_SquareBeyondTheRange_TimesSmallCurvature()
    {
        var f = new CurvedLinearModel(1, 1e-300).Output(V(0), V(1e200));
        Close(5e99, f[0]);
    }

    /// <summary>κ = 2^-1074, θ = 1e100, x = 0: f = 2^-1075·1e200 ≈ 2.470328e-124 (κ/2 rounded to 0, f was 0).</summary>
    [Fact]
    public void CurvedLinearModel_SubnormalCurvature_IsNotHalvedToZero()
    {
        var f = new CurvedLinearModel(1, double.Epsilon).Output(V(0), V(1e100));
        Close(Math.ScaleB(1e200, -1075), f[0]); // 1e200·2^-1075 is one rounding of the exact value, normal
    }

    /// <summary>J = x + κθ at x = −1e308, κ = 2e300, θ = 1e8: exact 2e308 − 1e308 = 1e308 (κθ overflowed, J was ∞).</summary>
    [Fact]
    public void CurvedLinearModel_JacobianWithProductBeyondTheRange()
    {
        var j = new CurvedLinearModel(1, 2e300).Jacobian(V(-1e308), V(1e8));
        Close(1e308, j[0, 0]);
    }

    /// <summary>
    /// D = H = M = 1, W₁ = (a, 0), x = 1, W₂ = (1, 0): ∂f/∂W₁[0,0] = W₂·sech²a·x = sech²a, which is 4e^{−2a}/(1 + e^{−2a})²:
    /// at a = 20, 1.6993e-17, and at a = 300, 4e^{−600}·(1 − 2e^{−600}) ≈ 1.0602e-260 (1 − tanh²a gave 0 for
    /// both). The reference 4·e^{−2a} (relative error e^{−2a} ≤ 4.3e-18 here) is formed from Math.Exp(−a)² to a few u.
    /// </summary>
    [Theory]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(300)]
    [InlineData(-300)]
    public void TanhMlp_SaturatedUnit_HasTheExactPositiveSlope(double a)
    {
        var model = new TanhMlp(1, 1);
        var theta = V(a, 0, 1, 0);
        double e = Math.Exp(-Math.Abs(a));
        double expected = 4 * e * e; // e^{-2|a|} ≥ 1e-261: no underflow; the factor (1 + e^{-2|a|})^-2 is 1 to 1e-17
        var j = model.Jacobian(V(1), theta);
        Assert.True(Math.Abs(j[0, 0] - expected) <= 4 * Relative * expected, $"∂f/∂W₁ = {j[0, 0]:R}, expected {expected:R}");
        var h = model.OutputHessian(V(1), theta, 0);
        Assert.True(Math.Abs(h[2, 0] - expected) <= 4 * Relative * expected, $"∂²f/∂W₂∂W₁ = {h[2, 0]:R}, expected {expected:R}");
    }

    /// <summary>W₁ = (1e200, −1e200, 0) at x = (1e200, 1e200): a = 0 exactly, so h = tanh 0 = 0, s = 1 (a was ∞ − ∞ = NaN).</summary>
    [Fact]
    public void TanhMlp_CancellingProductsBeyondTheRange_GiveTheExactActivation()
    {
        var model = new TanhMlp(2, 1);
        var theta = V(1e200, -1e200, 0, 3, 0); // W₁ = (1e200, −1e200, 0), W₂ = (3, 0)
        var x = V(1e200, 1e200);
        var j = model.Jacobian(x, theta);
        Assert.Equal(0, model.Output(x, theta)[0]);
        Assert.Equal(3e200, j[0, 0]); // W₂·s·x₀ = 3·1·1e200, one rounding
        Assert.Equal(0, j[0, 3]); // h = 0
    }

    /// <summary>
    /// H = 2, W₁ rows (100, 0) at x = 1 (h₁ = h₂ = tanh 100, which is 1 in doubles), W₂ = (1e308, −1e308, 1e308):
    /// f = 1e308 + 1e308·(h₁ − h₂) = 1e308 (the running sum overflowed to ∞).
    /// </summary>
    [Fact]
    public void TanhMlp_OutputPartialSumBeyondTheRange_IsTheExactSum()
    {
        var f = new TanhMlp(1, 2).Output(V(1), V(100, 0, 100, 0, 1e308, -1e308, 1e308));
        Assert.Equal(1e308, f[0]);
    }

    /// <summary>
    /// D = 1, x = 2^400, W₁ = (1e-150·2^-400, 0), so a = 1e-150 exactly, h = tanh a = 1e-150 (to ½ulp), s = 1 (to 1e-300);
    /// W₂ = (1e-250, 0). The Hessian entry ∂²f/∂W₁[0,0]² = −2·W₂·h·s·x² = −2·1e-400·2^800 ≈ −1.3336e-159 (the partial
    /// product −2·W₂·h = −2e-400 underflowed to 0, so the entry was 0). Expected: (1e-250·(1e-150·2^400))·2^400·(−2), one rounding.
    /// </summary>
    [Fact]
    public void TanhMlp_HessianEntryWithAnUnderflowingPartialProduct()
    {
        double x = Math.ScaleB(1, 400), w = Math.ScaleB(1e-150, -400);
        var h = new TanhMlp(1, 1).OutputHessian(V(x), V(w, 0, 1e-250, 0), 0);
        double expected = -2 * Math.ScaleB(1e-250 * Math.ScaleB(1e-150, 400), 400);
        Close(expected, h[0, 0]);
    }

    /// <summary>
    /// D = 1, x = 2^600, W₁ = (400·2^-600, 0): a = 400, s = sech²400 = 4e^{−800}(1 − O(e^{−800})) ≈ 1.47e-347 is below the
    /// double range, but ∂f/∂W₁[0,0] = W₂·s·x = 4e^{−800}·2^600 ≈ 6.09e-167 at W₂ = 1 is not (it was 0). Expected:
    /// e^{−400}·(e^{−400}·2^602), each factor a normal double within 1 ulp, so within 4u of the exact value.
    /// </summary>
    [Fact]
    public void TanhMlp_SlopeBelowTheRange_TimesALargeInput_IsKept()
    {
        double x = Math.ScaleB(1, 600);
        var j = new TanhMlp(1, 1).Jacobian(V(x), V(Math.ScaleB(400, -600), 0, 1, 0));
        double expected = Math.Exp(-400) * Math.ScaleB(Math.Exp(-400), 602);
        Assert.True(Math.Abs(j[0, 0] - expected) <= 8 * Relative * expected, $"∂f/∂W₁ = {j[0, 0]:R}, expected {expected:R}");
    }
}
