namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// e^t as M·2^E (E an int, M a double) for t below the double range's floor, where Math.Exp(t) is subnormal or 0 but the
/// scores J_nᵀ∇_f log p that a likelihood's gradient −e^t enters are not (issue 15, item 1: logit f = −800, J = 1e300).
/// </summary>
/// <remarks>
/// For t ≥ −700, (Math.Exp(t), 0). Below, Cody and Waite's reduction: k = round(t/ln 2) and r = (t − k·L_hi) − k·L_lo, with
/// L_hi = ln 2 to 32 bits and L_lo the next 53, |ln 2 − L_hi − L_lo| &lt; 2^-86. k·L_hi is exact for |k| &lt; 2^21 and
/// t − k·L_hi is exact (Sterbenz: t and k·L_hi are within a factor 2), so r is within u·|r| + u·|k·L_lo| + |k|·2^-86
/// &lt; 0.36u of t − k·ln 2 (|r| ≤ 0.35, |k·L_lo| &lt; 2^-11): M = Math.Exp(r) ∈ [0.70, 1.42] is within 0.36u plus
/// Math.Exp's 1 ulp (≤ 2u), so M·2^-k is within 3u of e^t, relatively. t below −2^20 is taken at −2^20: e^t &lt; 2^-1512775
/// there, and a product with at most four factors up to 2^1024 stays below 2^-1508000, which rounds to 0 as the exact one does.
/// </remarks>
internal static class ScaledExp
{
    private static readonly double LnTwoHigh = BitConverter.Int64BitsToDouble(0x3FE62E42FEE00000);
    private static readonly double LnTwoLow = BitConverter.Int64BitsToDouble(0x3DEA39EF35793C76);

    /// <summary>Below this, Math.Exp(t) is under 2^-1009 and (M, E) is taken from the reduction.</summary>
    private const double Floor = -700;

    /// <summary>(M, E) with M·2^E within 3u of e^t (relatively); t finite and at most 709.</summary>
    /// <exception cref="ArgumentException">t is not finite or above 709 (e^t beyond double.MaxValue is not a use here).</exception>
    public static (double Mantissa, int Exponent) Of(double t)
    {
        if (!double.IsFinite(t) || t > 709)
            throw new ArgumentException($"t must be finite and at most 709, got {Require.Show(t)}.", nameof(t));
        if (t >= Floor)
            return (Math.Exp(t), 0);
        t = Math.Max(t, -1048576);
        double k = Math.Round(t / Math.Log(2));
        double r = (t - k * LnTwoHigh) - k * LnTwoLow;
        return (Math.Exp(r), (int)k);
    }
}
