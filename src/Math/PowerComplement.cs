namespace Verification.Numerics;

/// <summary>
/// 1 − βⁿ for β ∈ [0, 1) and n ≥ 0 without cancellation (the bias correction of moving averages, thesis eq. 5.3, and the
/// ρ(β, t) of eqs. 5.15, B.26): one implementation for the reference optimizers and the tensor steps, which compute it
/// once per step in double (a scalar) instead of a running product β·β·…·β (one rounding per step, magnified by
/// βⁿ/(1 − βⁿ) in the difference).
/// </summary>
public static class PowerComplement
{
    /// <summary>
    /// 1 − βⁿ, within 4 ulp over the whole range. Where βⁿ ≤ ½ as 1 − <see cref="Math.Pow"/> (βⁿ within 1 ulp, i.e. an
    /// absolute 2^-54 against a result ≥ ½, plus the subtraction's half ulp: ≤ 1.5 ulp). Where βⁿ &gt; ½ the difference
    /// 1 − βⁿ cancels and 1 − Math.Pow would magnify Pow's ulp by βⁿ/(1 − βⁿ) (≈ 1/(n(1 − β)), 10⁸ at β = 1 − 10⁻⁸, n = 1…);
    /// there it is −expm1(y) with y = n·ln β (ln of the exact β, i.e. log1p of the exact β − 1, and one product: y within
    /// 1.5 ulp), and −expm1(y) = (1 − u)·y/ln u with u = e^y (Kahan's form, exact 1 − u by Sterbenz for u ∈ [½, 1]), whose
    /// condition number with respect to y is at most 1 on y ≤ 0. Error budget, relative: 1.5u (y) + 2.5u (expm1 with e^y
    /// and ln u within 1 ulp each, their first-order errors cancelling in the quotient) ≤ 4u, hence within 4 ulp.
    /// </summary>
    /// <exception cref="ArgumentException">β outside [0, 1) (or NaN), or n &lt; 0.</exception>
    public static double OneMinusPower(double beta, int n)
    {
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentException($"beta must be in [0, 1) (β = 1 makes 1 − βⁿ = 0), got {Require.Show(beta)}.", nameof(beta));
        if (n < 0)
            throw new ArgumentException($"n must be ≥ 0, got {n}.", nameof(n));
        if (n == 0) return 0;
        double p = Math.Pow(beta, n);
        if (p <= 0.5) return 1 - p;
        double y = n * Math.Log(beta);     // y ∈ (−ln 2 − ε, 0): ln of an exact β > ½
        double u = Math.Exp(y);
        if (u == 1) return -y;              // |y| below 2^-54: 1 − e^y = −y to half an ulp
        return (1 - u) * (y / Math.Log(u));
    }
}
