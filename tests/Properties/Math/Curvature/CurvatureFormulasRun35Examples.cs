using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.Sigmoid{U}"/>, σ(f) = 1/(1 + e^{−f}) (eq. D.33), takes the exponent ≤ 0 on either side of 0
/// (mutation run 34: the side test reversed survived): at f = 1000 the exact σ = 1 − e^{−1000}·(1 + …) rounds to 1, where
/// e^{f}/(1 + e^{f}) would be ∞/∞; at f = −740 the exact σ ≈ e^{−740} ≈ 4.2e-322 is a subnormal double, where
/// 1/(1 + e^{740}) would be 1/∞ = 0; and σ(0) = ½ exactly.
/// </summary>
public sealed class CurvatureFormulasRun35Examples
{
    [Fact]
    public void Sigmoid_FarFromZero_IsTheRoundedExactValue()
    {
        Assert.Equal(1.0, CurvatureFormulas.Sigmoid(new Float64(1000)).Value);
        double tiny = CurvatureFormulas.Sigmoid(new Float64(-740)).Value;
        // e^{−740} is subnormal (spacing 2^-1074 ≈ 4.9e-324); σ(−740) = e^{−740}/(1 + e^{−740}) rounds to the same
        // subnormal as e^{−740}, within one subnormal step of Math.Exp's value.
        Assert.True(Math.Abs(tiny - Math.Exp(-740)) <= double.Epsilon, $"got {tiny:R}");
        Assert.True(tiny > 0);
        Assert.Equal(0.5, CurvatureFormulas.Sigmoid(new Float64(0)).Value);
    }
}
