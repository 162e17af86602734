namespace Verification.Numerics.Elmo;

/// <summary>
/// Shared evaluation of g·x + (λ/2)x² ± (L/6)|x|³ over the whole double range: each term is formed as
/// mantissa·2^exponent from the exact splittings of g, λ, L and |x| (so no term under- or overflows on its own), the
/// three are added at the scale of the largest, and the sum is scaled back once.
/// </summary>
/// <remarks>
/// Error: the mantissa of g·x has one rounding, (λ/2)x² two (the halving is exact), (L/6)|x|³ four; the two
/// additions add one rounding each of the partial sums, which are at most T·2^-E; rescaling a term smaller than
/// 2^-1074 of the largest costs at most 2^-1075 of it. Together ≤ 6·2^-53·T (first order) before the final scaling,
/// which adds at most half of 2^-1074 where the result is subnormal.
/// </remarks>
internal static class CubicModelTerms
{
    /// <summary>
    /// The models' one domain check (every finite g, λ, x and finite L ≥ 0; an <see cref="ArgumentException"/> naming the
    /// public parameter otherwise), then g·x + (λ/2)x² + sign·(L/6)|x|³: sign +1 for M of eq. (3), −1 for m of eq. (4).
    /// </summary>
    internal static double Evaluate(double gProjection, double lambda, double lipschitz, double x, int sign)
    {
        Require.Finite(gProjection, nameof(gProjection));
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(lipschitz, nameof(lipschitz));
        Require.Finite(x, nameof(x));
        return Sum(gProjection, lambda, lipschitz, x, sign);
    }

    private static double Sum(double g, double lambda, double lipschitz, double x, int sign)
    {
        if (x == 0)
            return 0.0;
        var (mx, ex) = ScaledRoot.Split(Math.Abs(x));
        double sx = Math.Sign(x);
        var linear = Term(g, mx, ex, 1, sx);                 // g·x
        var quadratic = Term(lambda, mx * mx, 2 * ex, 2, 1); // (λ/2)·x²
        var cubic = Term(lipschitz, mx * mx * mx, 3 * ex, 6, sign); // ±(L/6)·|x|³
        int e = Math.Max(linear.Exponent, Math.Max(quadratic.Exponent, cubic.Exponent));
        if (e == int.MinValue)
            return 0.0; // g = λ = L = 0
        double sum = Math.ScaleB(linear.Mantissa, Shift(linear.Exponent, e))
            + Math.ScaleB(quadratic.Mantissa, Shift(quadratic.Exponent, e))
            + Math.ScaleB(cubic.Mantissa, Shift(cubic.Exponent, e));
        return Math.ScaleB(sum, e);
    }

    /// <summary>c·p/divisor·signFactor as mantissa·2^exponent, p = powerMantissa·2^powerExponent; exponent int.MinValue for c = 0.</summary>
    private static (double Mantissa, int Exponent) Term(double c, double powerMantissa, int powerExponent, double divisor, double signFactor)
    {
        if (c == 0)
            return (0.0, int.MinValue);
        var (mc, ec) = ScaledRoot.Split(Math.Abs(c));
        return (Math.Sign(c) * signFactor * (mc * powerMantissa / divisor), ec + powerExponent);
    }

    private static int Shift(int exponent, int largest) => exponent == int.MinValue ? 0 : exponent - largest;
}
