using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>Review of stop 39's Rotate accuracy statement at the top of its range.</summary>
public class Review39Examples
{
    /// <summary>
    /// λ_max = double.MaxValue, S the quarter-turn generator and φ = fl(2π·n) for n = 1327·k (k ≤ 2000, so φ &lt; 2^24):
    /// θ = φ mod 2π is below 2^-28 (fl(2π) within 2^-51 of 2π, times n &lt; 2^21.4, plus the product's rounding 2^-29), so
    /// exactly H_22 = λ_max·cos²θ + sin²θ lies in [λ_max(1 − 2^-56), λ_max] and every |H_ij| ≤ λ_max. Computed H_22 had
    /// been +∞ in 1050 of the 2000 (λ_max·Q̂_22² with Q̂_22 just above 1). Expected: finite, |H_ij| ≤ λ_max, and H_22
    /// within the derived bound (<see cref="RotatedHessianDerivedBound.EntryBound"/>) plus λ_max·2^-56 of λ_max.
    /// </summary>
    [Fact]
    public void Rotate_AtMaxValue_NearAFullTurn_StaysFiniteAndWithinTheDerivedBound()
    {
        var s = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 1.0 }, { -1.0, 0.0 } });
        var lambda = ExactDouble.ToFraction(double.MaxValue);
        for (int k = 1; k <= 2000; k++)
        {
            double phi = 2 * Math.PI * (k * 1327.0);
            var h = RotatedHessian.Rotate(double.MaxValue, s, phi);
            Assert.True(h.Enumerate().All(x => double.IsFinite(x) && Math.Abs(x) <= double.MaxValue), $"phi = {phi:R}: {h}");
            var allowed = RotatedHessianDerivedBound.EntryBound(2, ExactDouble.ToFraction(phi), lambda) + lambda * ExactDouble.Pow2(-56);
            Assert.True(Fraction.Abs(ExactDouble.ToFraction(h[1, 1]) - lambda) <= allowed, $"phi = {phi:R}: H_22 = {h[1, 1]:R}");
        }
    }
}
