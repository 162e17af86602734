using Fractions;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>Cases found by <see cref="HyperDualFullRangeProperties"/> (issue 15, item 1), each failing on the old code.</summary>
public class HyperDualFullRangeExamples
{
    /// <summary>
    /// log'' = −1/x² within its stated 2.5u where x² is beyond the range: at x = 1.1017670147593689e229 (x² ≈ 1.2e458) the
    /// scaled form squared the rounded 1/m (m the mantissa of x), 1/m within u and its square within 3u, and came out 2.51u
    /// off; now 1/fl(m²), within 2u. Seeds 2^761 each scale ε₁ε₂ = −2^1522/x² (≈ −1.21) exactly, so its relative error is log''s.
    /// </summary>
    [Fact]
    public void Log_SecondDerivativeBeyondTheSquaresRange_IsWithinItsStatedAccuracy()
    {
        double x = 1.1017670147593689E+229, seed = Math.ScaleB(1.0, 761);
        var y = HyperDual.Log(new HyperDual(x, seed, seed, 0));
        var exact = -ExactDouble.ToFraction(seed) * ExactDouble.ToFraction(seed) / (ExactDouble.ToFraction(x) * ExactDouble.ToFraction(x));
        var relative = Fraction.Abs((ExactDouble.ToFraction(y.E12) - exact) / exact) / ExactDouble.Pow2(-53);
        Assert.True(relative <= new Fraction(5, 2), $"ε₁ε₂ = {y.E12:R}: {relative.ToDouble():G4}u off");
    }
}
