using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Bernoulli-logit case at f = 700 that the curvature range examples share: a linear model with inputs
/// x = (2^-99, 2^99) and the weight θ₁ = 700·2^-99 (so f = 700 exactly), label 1, where the entry [0, 1] of every curvature
/// matrix is x₀x₁σ(700)σ(−700) = e^-700/(1 + e^-700)² ≈ 9.86e-305, a normal double, while the partial product
/// x₀·σ(700)σ(−700) ≈ 2^-1108 is below the range.
/// </summary>
internal static class LogitTailReference
{
    /// <summary>x₀ = 2^-99.</summary>
    public static readonly double X0 = Math.ScaleB(1, -99);

    /// <summary>x₁ = 2^99.</summary>
    public static readonly double X1 = Math.ScaleB(1, 99);

    /// <summary>θ₁ = 700·2^-99, so that f = θ₁x₁ = 700 exactly.</summary>
    public static readonly double Theta1 = Math.ScaleB(700, -99);

    /// <summary>σ(700)σ(−700) = e^-700/(1 + e^-700)², from e^-700 enclosed to 2^-96 relative.</summary>
    public static readonly RationalInterval SigmaProduct = SigmaProductOf(ExactExp.Of(-700.0, 96));

    private static RationalInterval SigmaProductOf(RationalInterval e)
    {
        var one = RationalInterval.Exact(1.0);
        return e / ((one + e) * (one + e));
    }

    /// <summary>Entries [0, 1] and [1, 0] of a matrix named <paramref name="name"/> within <paramref name="ulps"/> ulp of <see cref="SigmaProduct"/>.</summary>
    public static void AssertOffDiagonalEntries(string name, Func<int, int, double> entry, double ulps)
    {
        foreach (var (i, j) in new[] { (0, 1), (1, 0) })
        {
            double value = entry(i, j);
            Assert.True(ExactDouble.UlpError(value, SigmaProduct) <= ulps,
                $"{name}[{i},{j}] = {value:R}, exact ≈ {ExactDouble.ToDouble(SigmaProduct.Lower):R}");
        }
    }
}
