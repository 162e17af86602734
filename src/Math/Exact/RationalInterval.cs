using System.Globalization;
using System.Numerics;
using Fractions;

namespace Verification.Math.Exact;

/// <summary>
/// A closed interval [Lower, Upper] with exact rational endpoints. Field operations are exact; √ is
/// enclosed outward with a chosen number of significant bits. Every result contains the true value of the
/// expression evaluated on any points of the operands, so a sign decided on an interval is a proof.
/// This is the arithmetic that certifies counterexamples (design.md, "certified").
/// </summary>
public readonly struct RationalInterval
{
    /// <summary>Significant bits of √ enclosures unless a call asks for more.</summary>
    public const int DefaultSqrtBits = 200;

    /// <summary>Lower endpoint.</summary>
    public Fraction Lower { get; }

    /// <summary>Upper endpoint.</summary>
    public Fraction Upper { get; }

    /// <summary>An interval [lower, upper].</summary>
    /// <exception cref="ArgumentException">lower &gt; upper.</exception>
    public RationalInterval(Fraction lower, Fraction upper)
    {
        if (lower > upper)
            throw new ArgumentException("lower must not exceed upper.", nameof(lower));
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The exact point value of a finite double.</summary>
    public static RationalInterval Exact(double value)
    {
        var f = ExactDouble.ToFraction(value);
        return new RationalInterval(f, f);
    }

    /// <summary>The exact point value of a rational.</summary>
    public static RationalInterval Exact(Fraction value) => new(value, value);

    /// <summary>The point 0.</summary>
    public static RationalInterval Zero => new(Fraction.Zero, Fraction.Zero);

    /// <summary>True when every point is &gt; 0.</summary>
    public bool IsPositive => Lower.Sign() > 0;

    /// <summary>True when every point is &lt; 0.</summary>
    public bool IsNegative => Upper.Sign() < 0;

    /// <summary>True when every point is ≥ 0.</summary>
    public bool IsNonNegative => Lower.Sign() >= 0;

    /// <summary>True when every point is ≤ 0.</summary>
    public bool IsNonPositive => Upper.Sign() <= 0;

    /// <summary>True when the interval is the single point 0.</summary>
    public bool IsExactlyZero => Lower.IsZero && Upper.IsZero;

    /// <summary>Upper − Lower.</summary>
    public Fraction Width => Upper - Lower;

    /// <summary>Midpoint rounded to a double, for display.</summary>
    public double Midpoint => ExactDouble.ToDouble((Lower + Upper) / new Fraction(2));

    /// <summary>Sum.</summary>
    public static RationalInterval operator +(RationalInterval a, RationalInterval b) => new(a.Lower + b.Lower, a.Upper + b.Upper);

    /// <summary>Difference.</summary>
    public static RationalInterval operator -(RationalInterval a, RationalInterval b) => new(a.Lower - b.Upper, a.Upper - b.Lower);

    /// <summary>Negation.</summary>
    public static RationalInterval operator -(RationalInterval a) => new(-a.Upper, -a.Lower);

    /// <summary>Product.</summary>
    public static RationalInterval operator *(RationalInterval a, RationalInterval b)
    {
        if (a.Lower == a.Upper && b.Lower == b.Upper)
        {
            var p = a.Lower * b.Lower;
            return new RationalInterval(p, p);
        }
        var c = new[] { a.Lower * b.Lower, a.Lower * b.Upper, a.Upper * b.Lower, a.Upper * b.Upper };
        return new RationalInterval(c.Min(), c.Max());
    }

    /// <summary>Quotient.</summary>
    /// <exception cref="DivideByZeroException">the divisor contains 0 (nothing can be certified then).</exception>
    public static RationalInterval operator /(RationalInterval a, RationalInterval b)
    {
        if (b.Lower.Sign() <= 0 && b.Upper.Sign() >= 0)
            throw new DivideByZeroException("Interval divisor contains 0.");
        return a * new RationalInterval(Fraction.One / b.Upper, Fraction.One / b.Lower);
    }

    /// <summary>Scalar product with a double (exact).</summary>
    public static RationalInterval operator *(double s, RationalInterval a) => Exact(s) * a;

    /// <summary>|a|.</summary>
    public RationalInterval Abs()
    {
        if (Lower.Sign() >= 0) return this;
        if (Upper.Sign() <= 0) return -this;
        return new RationalInterval(Fraction.Zero, FractionExtensions.Max(-Lower, Upper));
    }

    /// <summary>Outward enclosure of √a with at least <paramref name="bits"/> significant bits.</summary>
    /// <exception cref="ArgumentException">a contains negative numbers.</exception>
    public RationalInterval Sqrt(int bits = DefaultSqrtBits)
    {
        if (Lower.Sign() < 0)
            throw new ArgumentException("Square root of an interval with negative points.", nameof(bits));
        return new RationalInterval(SqrtBound(Lower, bits, roundUp: false), SqrtBound(Upper, bits, roundUp: true));
    }

    /// <summary>Cube |a|³ · sign, i.e. a·a·a with a single interval.</summary>
    public RationalInterval Cube() => this * this * this;

    /// <summary>Rational bound on √q: floor (roundUp = false) or ceiling at 2^-b resolution.</summary>
    private static Fraction SqrtBound(Fraction q, int bits, bool roundUp)
    {
        if (q.IsZero) return Fraction.Zero;
        // √(n/d) = √(n·d)/d. Scale by 4^b so that isqrt keeps ≥ bits significant bits.
        BigInteger n = q.Numerator, d = q.Denominator;
        BigInteger nd = n * d;
        int have = (int)(nd.GetBitLength() / 2);
        int b = System.Math.Max(0, bits - have + 2);
        BigInteger scaled = nd << (2 * b);
        BigInteger s = IntegerSqrt(scaled);
        bool exact = s * s == scaled;
        if (roundUp && !exact) s += 1;
        return new Fraction(s, d << b);
    }

    /// <summary>⌊√n⌋ for n ≥ 0 by Newton's iteration on integers.</summary>
    public static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.Sign < 0) throw new ArgumentException("n must be ≥ 0.", nameof(n));
        if (n < 2) return n;
        int bitLength = (int)n.GetBitLength();
        BigInteger x = BigInteger.One << ((bitLength + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x) break;
            x = y;
        }
        while (x * x > n) x -= 1;
        while ((x + 1) * (x + 1) <= n) x += 1;
        return x;
    }

    /// <summary>A lower bound of the interval as a double, rounded toward −∞.</summary>
    public double LowerAsDouble => RoundDown(Lower);

    /// <summary>An upper bound of the interval as a double, rounded toward +∞.</summary>
    public double UpperAsDouble => -RoundDown(-Upper) + 0.0; // + 0.0 turns −0 into 0 for display

    private static double RoundDown(Fraction f)
    {
        double d = ExactDouble.ToDouble(f);
        if (double.IsInfinity(d)) return d > 0 ? double.MaxValue : double.NegativeInfinity;
        // ToDouble may round either way; step down until the double is ≤ f.
        while (double.IsFinite(d) && ExactDouble.ToFraction(d) > f) d = System.Math.BitDecrement(d);
        return d;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{LowerAsDouble:R}, {UpperAsDouble:R}]");
}
