using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Elementary;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Where <see cref="RotatedHessian.Rotate"/>'s former, observed accuracy 4d·max(1, ρ)·2^-53·λ_max failed: the 2-D generator
/// S = [[0, a], [−a, 0]], a = −1.2841960484088379, at φ = 6820629.5630619926 (ρ = |φa| ≈ 8.76e6, above RationalTrigonometry's
/// 2^20, which the old property drew in under 1% of its cases). With θ = φa exactly, H = I + (λ_max − 1)vvᵀ, v = (sin θ,
/// cos θ), and an entry of the computed H is off by about 14.45ρ·2^-53·λ_max, above 4d = 8; every entry is within the
/// derived bound (about 216ρ·2^-53·λ_max at d = 2).
/// </summary>
public class RotatedHessianRun39Examples
{
    [Fact]
    public void Rotate_AtALargeAngle_ExceedsTheOldConstantAndStaysWithinTheDerivedBound()
    {
        const double rate = -1.2841960484088379, phi = 6820629.5630619926, lambdaMax = 1000;
        var skew = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, rate }, { -rate, 0 } });
        var h = RotatedHessian.Rotate(lambdaMax, skew, phi);
        var theta = ExactDouble.ToFraction(phi) * ExactDouble.ToFraction(rate);
        // θ − 2kπ, k nearest θ/2π, with π to 128 bits: the reduced angle is within about π and enclosed to about 2^-100.
        long k = (long)Math.Round(ExactDouble.ToDouble(theta) / (2 * Math.PI));
        var angle = RationalInterval.Exact(theta) - RationalInterval.Exact(new Fraction(2 * k)) * ExactConstants.Pi(128);
        var v = new[] { RationalTrigonometry.Sin(angle, 96), RationalTrigonometry.Cos(angle, 96) }; // exp(φS)e₁ = (sin θ, cos θ)
        var rho = Fraction.Abs(theta);
        var scale = rho * ExactDouble.Pow2(-53) * ExactDouble.ToFraction(lambdaMax);
        var bound = RotatedHessianDerivedBound.EntryBound(2, rho, ExactDouble.ToFraction(lambdaMax));
        var largestLeast = Fraction.Zero;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                // H = I + (λ_max − 1)vvᵀ; the least and the largest distance from H[i, j] to the enclosure's ends
                var exact = RationalInterval.Exact(ExactDouble.ToFraction(lambdaMax - 1)) * v[i] * v[j]
                    + RationalInterval.Exact(i == j ? Fraction.One : Fraction.Zero);
                var computed = ExactDouble.ToFraction(h[i, j]);
                Fraction below = Fraction.Abs(computed - exact.Lower), above = Fraction.Abs(computed - exact.Upper);
                var least = below < above ? below : above;
                var largest = below < above ? above : below;
                largestLeast = least > largestLeast ? least : largestLeast;
                Assert.True(largest <= bound, $"H[{i},{j}] off by {ExactDouble.ToDouble(largest / scale):R}·ρuλ_max, beyond the derived bound");
            }
        Assert.True(largestLeast > 8 * scale, $"off by {ExactDouble.ToDouble(largestLeast / scale):R}·ρuλ_max, not above 4d = 8");
    }
}
