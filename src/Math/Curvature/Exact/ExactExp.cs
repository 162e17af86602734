using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Curvature.Exact;

/// <summary>
/// Outward-rounded enclosures of exp(x) for a rational x, so that statements with e^{f} (the softmax formulas of App. D.1.2)
/// can be certified: argument halving t = x/2^k with |t| ≤ 1/2, a Taylor sum S_n(t) with the Lagrange remainder
/// |R| ≤ e^{|t|}|t|^{n+1}/(n+1)! ≤ 2|t|^{n+1}/(n+1)!, then k squarings of the positive enclosure (monotone on (0, ∞)),
/// rounding endpoints outward to dyadic rationals between squarings so the fractions stay small.
/// </summary>
public static class ExactExp
{
    /// <summary>The largest |x| accepted (e^{±4096} still fits comfortably in a rational with a few thousand bits).</summary>
    public const double MaxArgument = 4096;

    /// <summary>An interval containing e^x, of relative width about 2^(−bits).</summary>
    /// <exception cref="ArgumentException">x not finite or |x| &gt; <see cref="MaxArgument"/>; bits &lt; 16.</exception>
    public static RationalInterval Of(double x, int bits = 128)
    {
        Require.Finite(x, nameof(x));
        if (Math.Abs(x) > MaxArgument)
            throw new ArgumentException($"|x| must be ≤ {MaxArgument}, got {Require.Show(x)}.", nameof(x));
        return Of(ExactDouble.ToFraction(x), bits);
    }

    /// <summary>An interval containing e^x for a rational x.</summary>
    /// <exception cref="ArgumentException">bits &lt; 16 or |x| &gt; <see cref="MaxArgument"/>.</exception>
    public static RationalInterval Of(Fraction x, int bits)
    {
        if (bits < 16)
            throw new ArgumentException($"bits must be ≥ 16, got {bits}.", nameof(bits));
        if (Fraction.Abs(x) > new Fraction(4096))
            throw new ArgumentException($"|x| must be ≤ {MaxArgument}.", nameof(x));
        int k = 0;
        var half = new Fraction(1, 2);
        var t = x;
        while (Fraction.Abs(t) > half)
        {
            t /= 2;
            k++;
        }
        int precision = bits + k + 16;
        var tolerance = ExactDouble.Pow2(-precision);
        var sum = Fraction.One;
        var term = Fraction.One;
        var absT = Fraction.Abs(t);
        var absPower = Fraction.One;
        var factorial = Fraction.One;
        for (int i = 1; ; i++)
        {
            term = term * t / i;
            sum += term;
            absPower *= absT;
            factorial *= i;
            var remainder = 2 * absPower * absT / (factorial * (i + 1));
            if (remainder <= tolerance)
            {
                var lo = RoundDown(sum - remainder, precision);
                var hi = RoundUp(sum + remainder, precision);
                for (int s = 0; s < k; s++)
                {
                    lo = RoundDown(lo * lo, precision);
                    hi = RoundUp(hi * hi, precision);
                }
                return new RationalInterval(lo, hi);
            }
        }
    }

    /// <summary>The largest multiple of 2^(−p)·(scale) not above q, with the scale chosen so p significant bits remain.</summary>
    private static Fraction RoundDown(Fraction q, int p) => Round(q, p, up: false);

    private static Fraction RoundUp(Fraction q, int p) => Round(q, p, up: true);

    private static Fraction Round(Fraction q, int p, bool up)
    {
        if (q.IsZero)
            return q;
        // Keep p significant bits: denominator 2^(p − ⌊log₂|q|⌋).
        int e = p - ExactDouble.FloorLog2(Fraction.Abs(q));
        BigInteger num = q.Numerator, den = q.Denominator;
        if (den.Sign < 0)
        {
            num = -num;
            den = -den;
        }
        BigInteger scaled = e >= 0 ? num << e : num;
        BigInteger divisor = e >= 0 ? den : den << -e;
        BigInteger floor = BigInteger.DivRem(scaled, divisor, out var rem);
        if (rem.Sign < 0)
            floor -= 1;
        bool exact = rem.IsZero;
        BigInteger n = up && !exact ? floor + 1 : floor;
        return e >= 0 ? new Fraction(n, BigInteger.One << e) : new Fraction(n << -e, BigInteger.One);
    }
}
