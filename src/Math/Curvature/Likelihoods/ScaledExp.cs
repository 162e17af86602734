using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// e^t as M·2^E (E an int, M a double) for t below the double range's floor, where Math.Exp(t) is subnormal or 0 but the
/// scores J_nᵀ∇_f log p that a likelihood's gradient −e^t enters are not (issue 15, item 1: logit f = −800, J = 1e300).
/// </summary>
/// <remarks>
/// <see cref="ScaledDerivative.Exp"/>'s Cody–Waite reduction, which forward mode uses for the same purpose: the platform
/// exp where it is a normal double, else k = round(t/ln 2) and r = (t − k·L_hi) − k·L_lo (L_hi = ln 2 with its low 21
/// mantissa bits 0, so k·L_hi is exact for |k| &lt; 2^21 and t − k·L_hi is exact by Sterbenz), r within 0.36u of
/// t − k·ln 2 (|r| ≤ 0.35: u·|r|, u·|k·L_lo| &lt; u·2^-11 and |k|·|ln 2 − L_hi − L_lo| &lt; 2^-65), so M = Math.Exp(r) ∈
/// [0.70, 1.42] is within 0.36u plus Math.Exp's 1 ulp (≤ 2u), and M·2^E within 3u of e^t, relatively. Beyond
/// |t| ≈ 7.2e5 the value is carried as 2^-(2^20): any product with at most four factors up to 2^1024 then rounds to 0, as
/// the exact one does.
/// </remarks>
internal static class ScaledExp
{
    /// <summary>(M, E) with M·2^E within 3u of e^t (relatively); t finite and at most 709.</summary>
    /// <exception cref="ArgumentException">t is not finite or above 709 (e^t beyond double.MaxValue is not a use here).</exception>
    public static (double Mantissa, int Exponent) Of(double t)
    {
        if (!double.IsFinite(t) || t > 709)
            throw new ArgumentException($"t must be finite and at most 709, got {Require.Show(t)}.", nameof(t));
        return ScaledDerivative.Exp(t).Parts;
    }
}
