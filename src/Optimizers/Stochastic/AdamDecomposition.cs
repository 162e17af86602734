using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Adam's direction split into sign and variance adaptation (thesis eqs. 5.5–5.7, ε = 0): m/√v = sign(m)·γ with
/// γ = (1 + η̂²)^(−1/2) and η̂² = (v − m²)/m². With β₁ ≠ β₂, v &lt; m² can happen (then η̂² &lt; 0 and γ &gt; 1); the
/// decomposition is still an identity because 1 + η̂² = v/m² &gt; 0.
/// </summary>
public static class AdamDecomposition
{
    /// <summary>
    /// η̂² = (v − m²)/m²; +∞ where m = 0 &lt; v. Within 4 ulp of the exact value for every finite m and v ≥ 0 (±∞ where it
    /// is beyond the range): where v/m² is outside (½, 2) as (v/|m| − |m|)/|m| (no cancellation, and m² cannot
    /// underflow); inside, where v − m² cancels, as v′ − m′² by one fused multiply-add on m′ = 2^-k|m| ∈ [1, 2),
    /// v′ = 2^-2k·v (exact scalings), divided by m′ twice (the former (v/|m| − |m|)/|m| everywhere gave 0 at
    /// m = 1 + 2^-52, v = 1 + 2^-51, where the value is −2^-104/m² ≈ −4.9e-32).
    /// </summary>
    /// <exception cref="ArgumentException">m = v = 0 (η̂² = 0/0), v &lt; 0, or a non-finite input.</exception>
    public static double RelativeVariance(double m, double v)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        double a = Math.Abs(m);
        if (a == 0)
            return v > 0 ? double.PositiveInfinity : throw new ArgumentException("m = v = 0: η̂² = (v − m²)/m² is 0/0.", nameof(m));
        double ratio = v / a / a; // v/m² to a few u (0 or ∞ only far outside (½, 2))
        if (!(ratio > 0.5 && ratio < 2))
            return (v / a - a) / a;
        int k = Math.ILogB(a);
        double scaled = Math.ScaleB(a, -k), vScaled = Math.ScaleB(v, -2 * k); // v′ ∈ (½, 8): normal, exact
        return Math.FusedMultiplyAdd(-scaled, scaled, vScaled) / scaled / scaled;
    }

    /// <summary>
    /// γ = (1 + η̂²)^(−1/2) = |m|/√v (eq. 5.6); 0 where m = 0 &lt; v. Exceeds 1 exactly when v &lt; m². Within 2 ulp (√ and ÷)
    /// for every finite m and v &gt; 0, +∞ exactly where γ is beyond double.MaxValue.
    /// </summary>
    public static double Factor(double m, double v)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        if (m == 0)
            return v > 0 ? 0 : throw new ArgumentException("m = v = 0: the factor is undefined.", nameof(m));
        return Math.Abs(m) / Math.Sqrt(v);
    }

    /// <summary>sign(m)·γ, Adam's direction with ε = 0 (eq. 5.5), with <see cref="Factor"/>'s accuracy (the sign is exact).</summary>
    public static double Direction(double m, double v) => Math.Sign(m) * Factor(m, v);
}
