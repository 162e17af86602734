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
    /// A rational correctly rounded (ties to even) to a double, as IEEE-754 rounds: the nearest double, the even one of
    /// two equally near, subnormal results rounded once on the 2^-1074 grid; ±∞ exactly where |value| ≥ 2^1024 − 2^970
    /// (the midpoint of MaxValue and 2^1024, a tie that goes to ∞). A negative value that rounds to 0 gives −0, as IEEE
    /// division of the same value would; the rational 0 gives +0. Unlike Fraction.ToDouble it does not turn numerators
    /// and denominators beyond the double range into NaN.
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
        double magnitude = n.GetBitLength() <= 53 && d.GetBitLength() <= 53
            ? (double)n / (double)d // both convert exactly, and IEEE division rounds once (the quotient is normal)
            : RoundedMagnitude(n, d);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>n/d (n, d &gt; 0) correctly rounded, ties to even: an integer quotient of 55 or 56 bits and a sticky bit.</summary>
    private static double RoundedMagnitude(BigInteger n, BigInteger d)
    {
        long k = (long)n.GetBitLength() - (long)d.GetBitLength(); // 2^(k−1) < n/d < 2^(k+1)
        if (k >= 1025)
            return double.PositiveInfinity; // n/d > 2^1024
        if (k <= -1076)
            return 0.0; // n/d < 2^-1075, below half the smallest subnormal
        int scale = (int)(55 - k); // n/d·2^scale lies in (2^54, 2^56)
        BigInteger numerator = scale >= 0 ? n << scale : n, denominator = scale >= 0 ? d : d << -scale;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        ulong q = (ulong)quotient; // ⌊n/d·2^scale⌋, 55 or 56 bits
        bool sticky = !remainder.IsZero; // n/d·2^scale is not an integer: strictly above q
        int length = 64 - BitOperations.LeadingZeroCount(q);
        // Bits of q below the result's last place: all but 53 in the normal range, those below 2^-1074 beneath it.
        int drop = Math.Max(length - 53, scale - 1074);
        if (drop > length)
            return 0.0; // n/d < 2^(length − scale) ≤ 2^(drop − 1 − scale), half the last place
        ulong mantissa = q >> drop;
        ulong rest = q & ((1UL << drop) - 1), half = 1UL << (drop - 1);
        if (rest > half || (rest == half && (sticky || (mantissa & 1) != 0)))
            mantissa++; // may carry to 2^53 (the next binade) or from the subnormals to 2^52 (the smallest normal)
        // The result is mantissa·2^(drop − scale), drop − scale ≥ −1074; counting the exponent field from 2^-1074 lets a
        // carried mantissa move the exponent up by itself, and a subnormal mantissa (exponent field 0) stand as it is.
        // Unsigned: at k = 1024 a mantissa carried to 2^53 on the exponent field 2046 gives 2^63, which a long would wrap
        // to a negative pattern (−0) where ∞ is due (n/d in [2^1025 − 2^971, 2^1025)).
        ulong bits = ((ulong)(drop - scale + 1074) << 52) + mantissa;
        return bits >= (ulong)BitConverter.DoubleToInt64Bits(double.PositiveInfinity)
            ? double.PositiveInfinity
            : BitConverter.Int64BitsToDouble((long)bits);
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
