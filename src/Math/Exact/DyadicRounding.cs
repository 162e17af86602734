using System.Numerics;
using Fractions;

namespace Verification.Numerics.Exact;

/// <summary>
/// Outward rounding of rationals to dyadics m·2^e with a given number of significant bits: the step that keeps the
/// numerators and denominators of long enclosure computations (series, squarings) from growing without bound.
/// </summary>
public static class DyadicRounding
{
    /// <summary>The largest dyadic with <paramref name="bits"/> significant bits that is ≤ q.</summary>
    public static Fraction Down(Fraction q, int bits) => Round(q, bits, up: false);

    /// <summary>The smallest dyadic with <paramref name="bits"/> significant bits that is ≥ q.</summary>
    public static Fraction Up(Fraction q, int bits) => Round(q, bits, up: true);

    /// <summary>[Down(lower), Up(upper)]: an interval containing <paramref name="x"/> with short endpoints.</summary>
    public static RationalInterval Outward(RationalInterval x, int bits) => new(Down(x.Lower, bits), Up(x.Upper, bits));

    private static Fraction Round(Fraction q, int bits, bool up)
    {
        if (bits < 2)
            throw new ArgumentException($"bits must be ≥ 2, got {bits}.", nameof(bits));
        if (q.IsZero)
            return q;
        BigInteger num = q.Numerator, den = q.Denominator;
        if (den.Sign < 0)
        {
            num = -num;
            den = -den;
        }
        // Scale so that the integer part has `bits` significant bits: e = bits − 1 − ⌊log₂|q|⌋.
        int e = bits - 1 - ExactDouble.FloorLog2(Fraction.Abs(q));
        BigInteger scaled = e >= 0 ? num << e : num;
        BigInteger divisor = e >= 0 ? den : den << -e;
        BigInteger floor = BigInteger.DivRem(scaled, divisor, out var rem);
        if (rem.Sign < 0)
            floor -= 1;
        BigInteger n = up && !rem.IsZero ? floor + 1 : floor;
        return e >= 0 ? new Fraction(n, BigInteger.One << e) : new Fraction(n << -e, BigInteger.One);
    }
}
