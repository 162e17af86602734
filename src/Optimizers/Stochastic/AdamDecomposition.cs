using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Adam's direction split into sign and variance adaptation (thesis eqs. 5.5–5.7, ε = 0): m/√v = sign(m)·γ with
/// γ = (1 + η̂²)^(−1/2) and η̂² = (v − m²)/m². With β₁ ≠ β₂, v &lt; m² can happen (then η̂² &lt; 0 and γ &gt; 1); the
/// decomposition is still an identity because 1 + η̂² = v/m² &gt; 0.
/// </summary>
public static class AdamDecomposition
{
    /// <summary>η̂² = (v − m²)/m², computed as (v/|m| − |m|)/|m| so that m² cannot underflow; +∞ where m = 0 &lt; v.</summary>
    /// <exception cref="ArgumentException">m = v = 0 (η̂² = 0/0), v &lt; 0, or a non-finite input.</exception>
    public static double RelativeVariance(double m, double v)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        double a = Math.Abs(m);
        if (a == 0)
            return v > 0 ? double.PositiveInfinity : throw new ArgumentException("m = v = 0: η̂² = (v − m²)/m² is 0/0.", nameof(m));
        return (v / a - a) / a;
    }

    /// <summary>γ = (1 + η̂²)^(−1/2) = |m|/√v (eq. 5.6); 0 where m = 0 &lt; v. Exceeds 1 exactly when v &lt; m².</summary>
    public static double Factor(double m, double v)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        if (m == 0)
            return v > 0 ? 0 : throw new ArgumentException("m = v = 0: the factor is undefined.", nameof(m));
        return Math.Abs(m) / Math.Sqrt(v);
    }

    /// <summary>sign(m)·γ, Adam's direction with ε = 0 (eq. 5.5).</summary>
    public static double Direction(double m, double v) => Math.Sign(m) * Factor(m, v);
}
