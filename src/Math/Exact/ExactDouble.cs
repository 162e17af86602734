using System.Numerics;
using Fractions;

namespace Verification.Numerics.Exact;

/// <summary>Exact conversions between IEEE-754 doubles and rationals.</summary>
public static class ExactDouble
{
    /// <summary>The exact rational value of a finite double (every double is a dyadic rational m·2^e).</summary>
    /// <exception cref="ArgumentException">NaN or ±∞.</exception>
    public static Fraction ToFraction(double value)
    {
        Require.Finite(value, nameof(value));
        if (value == 0)
            return Fraction.Zero;
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponentBits = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (exponentBits == 0)
            exponent = -1074; // subnormal: m·2^-1074
        else
        {
            mantissa |= 1L << 52;
            exponent = exponentBits - 1075;
        }
        BigInteger m = negative ? -mantissa : mantissa;
        return exponent >= 0
            ? new Fraction(m << exponent, BigInteger.One)
            : new Fraction(m, BigInteger.One << -exponent);
    }

    /// <summary>
    /// The distance |<paramref name="computed"/> − x| in units of the last place of the exact value x, maximized
    /// over the enclosure of x. The unit is ulp(x) = 2^(⌊log₂|x|⌋ − 52), never below 2^-1074 (the subnormal spacing).
    /// </summary>
    public static double UlpError(double computed, RationalInterval exact)
    {
        Require.Finite(computed, nameof(computed));
        var c = ToFraction(computed);
        double worst = 0;
        foreach (var x in new[] { exact.Lower, exact.Upper })
        {
            var diff = Fraction.Abs(c - x);
            worst = Math.Max(worst, ToDouble(diff / UnitInLastPlace(x)));
        }
        return worst;
    }

    /// <summary>
    /// A rational rounded to a nearby double (within one ulp; ±∞ beyond the range, 0 below it). Unlike
    /// Fraction.ToDouble it does not turn numerators and denominators beyond the double range into NaN.
    /// </summary>
    public static double ToDouble(Fraction value)
    {
        BigInteger n = value.Numerator, d = value.Denominator;
        if (d.Sign == 0)
            throw new ArgumentException("value is not a finite rational.", nameof(value));
        if (n.IsZero)
            return 0.0;
        bool negative = (n.Sign < 0) != (d.Sign < 0);
        n = BigInteger.Abs(n);
        d = BigInteger.Abs(d);
        // Shift so that the integer quotient has 64 significant bits, then let the BigInteger → double conversion round.
        long k = (long)n.GetBitLength() - (long)d.GetBitLength();
        long shift = 64 - k;
        BigInteger q = shift >= 0 ? (n << (int)shift) / d : n / (d << (int)-shift);
        double result = Math.ScaleB((double)q, (int)Math.Clamp(-shift, int.MinValue / 2, int.MaxValue / 2));
        return negative ? -result : result;
    }

    /// <summary>ulp(x) = 2^(⌊log₂|x|⌋ − 52) as an exact rational, with the subnormal floor 2^-1074.</summary>
    public static Fraction UnitInLastPlace(Fraction x)
    {
        var ax = Fraction.Abs(x);
        if (ax.IsZero)
            return Pow2(-1074);
        int floorLog2 = FloorLog2(ax);
        return Pow2(Math.Max(floorLog2 - 52, -1074));
    }

    /// <summary>⌊log₂ x⌋ for a positive rational, exactly.</summary>
    public static int FloorLog2(Fraction x)
    {
        if (x.Sign() <= 0)
            throw new ArgumentException("x must be positive.", nameof(x));
        long guess = (long)x.Numerator.GetBitLength() - (long)x.Denominator.GetBitLength();
        int k = (int)guess;
        // 2^k ≤ x < 2^(k+1) after at most one correction either way.
        while (x < Pow2(k)) k--;
        while (x >= Pow2(k + 1)) k++;
        return k;
    }

    /// <summary>2^k as an exact rational.</summary>
    public static Fraction Pow2(int k) => k >= 0
        ? new Fraction(BigInteger.One << k, BigInteger.One)
        : new Fraction(BigInteger.One, BigInteger.One << -k);
}
