using System.Globalization;
using System.Numerics;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.Exact;

namespace Verification.Numerics.Exact;

/// <summary>
/// A closed interval [Lower, Upper] with exact rational endpoints. Field operations are exact; √ is
/// enclosed outward with a chosen number of significant bits. Every result contains the true value of the
/// expression evaluated on any points of the operands, so a sign decided on an interval is a proof.
/// This is the arithmetic that certifies counterexamples (design.md, "certified").
/// </summary>
public readonly struct RationalInterval : IReal<RationalInterval>
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
    public static RationalInterval operator +(RationalInterval a, RationalInterval b)
    {
        Charge(a, b, 2);
        return new(a.Lower + b.Lower, a.Upper + b.Upper);
    }

    /// <summary>Difference.</summary>
    public static RationalInterval operator -(RationalInterval a, RationalInterval b)
    {
        Charge(a, b, 2);
        return new(a.Lower - b.Upper, a.Upper - b.Lower);
    }

    /// <summary>Negation.</summary>
    public static RationalInterval operator -(RationalInterval a) => new(-a.Upper, -a.Lower);

    /// <summary>Product.</summary>
    public static RationalInterval operator *(RationalInterval a, RationalInterval b)
    {
        if (a.Lower == a.Upper && b.Lower == b.Upper)
        {
            Charge(a, b, 1);
            var p = a.Lower * b.Lower;
            return new RationalInterval(p, p);
        }
        Charge(a, b, 8); // four products and the comparisons that order them
        var c = new[] { a.Lower * b.Lower, a.Lower * b.Upper, a.Upper * b.Lower, a.Upper * b.Upper };
        return new RationalInterval(c.Min(), c.Max());
    }

    /// <summary>Quotient.</summary>
    /// <exception cref="DivideByZeroException">the divisor is exactly 0.</exception>
    /// <exception cref="UndecidedException">the divisor contains 0 and other points (nothing can be certified then).</exception>
    public static RationalInterval operator /(RationalInterval a, RationalInterval b)
    {
        if (b.IsExactlyZero)
            throw new DivideByZeroException("Division by an exact 0.");
        if (b.Lower.Sign() <= 0 && b.Upper.Sign() >= 0)
            throw new UndecidedException("the interval divisor " + b + " contains 0.");
        return a * new RationalInterval(Fraction.One / b.Upper, Fraction.One / b.Lower);
    }

    /// <summary>Scalar product with a double (exact).</summary>
    public static RationalInterval operator *(double s, RationalInterval a) => Exact(s) * a;

    /// <summary>The larger endpoint's size in 64-bit words (<see cref="ExactWork.Words"/>).</summary>
    private long Words => Math.Max(ExactWork.Words(Lower), ExactWork.Words(Upper));

    /// <summary>Charges <paramref name="operations"/> rational operations on a and b to the thread's work budget, if any.</summary>
    private static void Charge(RationalInterval a, RationalInterval b, int operations)
    {
        if (ExactWork.IsCounting)
            ExactWork.ChargeOperations(a.Words, b.Words, operations);
    }

    /// <summary>
    /// Charges an enclosure's reading of its argument: <paramref name="operations"/> operations between the argument and a
    /// number of <paramref name="bits"/> significant bits (its reduction, scaling and rounding).
    /// </summary>
    private static void ChargeEnclosure(RationalInterval x, int bits, int operations)
    {
        if (ExactWork.IsCounting)
            ExactWork.ChargeOperations(x.Words, bits / 64 + 1, operations);
    }

    /// <summary>Charges a fixed-point series at <paramref name="bits"/>: up to bits/2 terms (each shrinks by 4 or more), two endpoints.</summary>
    private static void ChargeSeries(int bits)
    {
        if (ExactWork.IsCounting)
            ExactWork.ChargeOperations(bits / 64 + 1, bits / 64 + 1, bits + 64);
    }

    /// <summary>|a|.</summary>
    public RationalInterval Abs()
    {
        if (Lower.Sign() >= 0) return this;
        if (Upper.Sign() <= 0) return -this;
        return new RationalInterval(Fraction.Zero, FractionExtensions.Max(-Lower, Upper));
    }

    /// <summary>Outward enclosure of √a with at least <paramref name="bits"/> significant bits.</summary>
    /// <exception cref="ArgumentException">every point of a is negative.</exception>
    /// <exception cref="UndecidedException">a contains negative and non-negative points.</exception>
    public RationalInterval Sqrt(int bits = DefaultSqrtBits)
    {
        if (Upper.Sign() < 0)
            throw new ArgumentException("Square root of a negative interval " + this + ": √ needs a point ≥ 0.", "this");
        if (Lower.Sign() < 0)
            throw new UndecidedException("the interval " + this + " under a square root contains negative points.");
        ChargeEnclosure(this, bits, 32); // n·d, then Newton's iteration on integers for each endpoint
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
        int b = Math.Max(0, bits - have + 2);
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
        while (double.IsFinite(d) && ExactDouble.ToFraction(d) > f) d = Math.BitDecrement(d);
        return d;
    }

    // IReal<RationalInterval>: the rigorous arithmetic statements are certified and proved in.

    /// <summary>An integer, exactly.</summary>
    public static implicit operator RationalInterval(int value) => Exact(new Fraction(value));

    /// <inheritdoc />
    public static bool IsRigorous => true;

    /// <summary>An enclosure of π at <see cref="EnclosureSettings.Bits"/>.</summary>
    public static RationalInterval Pi => ExactConstants.Pi(EnclosureSettings.Bits);

    /// <summary>a &lt; b for every pair of points: true or false when decided, else <see cref="UndecidedException"/>.</summary>
    public static bool operator <(RationalInterval a, RationalInterval b)
    {
        Charge(a, b, 2);
        if (a.Upper < b.Lower) return true;
        if (a.Lower >= b.Upper) return false;
        throw Undecided(a, "<", b);
    }

    /// <summary>a &gt; b, decided like <c>&lt;</c>.</summary>
    public static bool operator >(RationalInterval a, RationalInterval b) => b < a;

    /// <summary>a ≤ b for every pair of points: true or false when decided, else <see cref="UndecidedException"/>.</summary>
    public static bool operator <=(RationalInterval a, RationalInterval b)
    {
        Charge(a, b, 2);
        if (a.Upper <= b.Lower) return true;
        if (a.Lower > b.Upper) return false;
        throw Undecided(a, "≤", b);
    }

    /// <summary>a ≥ b, decided like <c>≤</c>.</summary>
    public static bool operator >=(RationalInterval a, RationalInterval b) => b <= a;

    private static UndecidedException Undecided(RationalInterval a, string op, RationalInterval b) =>
        new($"{a} {op} {b} is not decided by these enclosures.");

    /// <inheritdoc />
    public static RationalInterval Of(double value) => Exact(value);

    /// <inheritdoc />
    public static RationalInterval Rational(Fraction value) => Exact(value);

    /// <inheritdoc />
    public static RationalInterval Ratio(long numerator, long denominator)
    {
        if (denominator == 0)
            throw new ArgumentException("denominator must not be 0.", nameof(denominator));
        return Exact(new Fraction(numerator, denominator));
    }

    /// <summary>
    /// The input x as a point, or in box mode (<see cref="EnclosureSettings.BoxRadius"/> = r &gt; 0) the box
    /// [x − r·max(|x|, 2⁻¹⁰²²), x + r·max(|x|, 2⁻¹⁰²²)].
    /// </summary>
    public static RationalInterval Input(double value) =>
        EnclosureSettings.Mapped(value, RawInput, out RationalInterval mapped) ? mapped : RawInput(value);

    private static RationalInterval RawInput(double value)
    {
        if (EnclosureSettings.TaggedBox(value) is { } tagged)
            return tagged;
        var x = ExactDouble.ToFraction(value);
        double r = EnclosureSettings.BoxRadius;
        if (r == 0)
            return new RationalInterval(x, x);
        EnclosureSettings.CountWidenedInput();
        var scale = FractionExtensions.Max(Fraction.Abs(x), ExactDouble.Pow2(-1022));
        var half = ExactDouble.ToFraction(r) * scale;
        return new RationalInterval(x - half, x + half);
    }

    /// <summary>√x at <see cref="EnclosureSettings.Bits"/>.</summary>
    public static RationalInterval Sqrt(RationalInterval x) => x.Sqrt(EnclosureSettings.Bits);

    /// <summary>eˣ at <see cref="EnclosureSettings.Bits"/> (e is increasing); |x| ≤ 4096, else undecided.</summary>
    public static RationalInterval Exp(RationalInterval x)
    {
        var limit = new Fraction(4096);
        if (x.Lower < -limit || x.Upper > limit)
            throw new UndecidedException("exp is enclosed for |x| ≤ 4096 only, got " + x + ".");
        int bits = EnclosureSettings.Bits;
        ChargeEnclosure(x, bits, 4);
        ChargeSeries(bits);
        if (x.Lower == x.Upper)
            return ExactExp.Of(x.Lower, bits);
        return new RationalInterval(ExactExp.Of(x.Lower, bits).Lower, ExactExp.Of(x.Upper, bits).Upper);
    }

    /// <summary>ln x at <see cref="EnclosureSettings.Bits"/>.</summary>
    /// <exception cref="ArgumentException">every point of x is ≤ 0.</exception>
    /// <exception cref="UndecidedException">x contains 0 or negative points and positive ones.</exception>
    public static RationalInterval Log(RationalInterval x)
    {
        if (x.Upper.Sign() <= 0)
            throw new ArgumentException("ln of a non-positive interval " + x + ".", nameof(x));
        if (x.Lower.Sign() <= 0)
            throw new UndecidedException("the interval " + x + " under ln contains non-positive points.");
        ChargeEnclosure(x, EnclosureSettings.Bits, 16);
        ChargeSeries(EnclosureSettings.Bits);
        return ExactLog.Of(x, EnclosureSettings.Bits);
    }

    /// <summary>erf x at <see cref="EnclosureSettings.Bits"/>.</summary>
    public static RationalInterval Erf(RationalInterval x)
    {
        ChargeEnclosure(x, EnclosureSettings.Bits, 8);
        ChargeSeries(2 * EnclosureSettings.Bits);
        return ExactErf.Erf(x, EnclosureSettings.Bits);
    }

    /// <summary>erfc x at <see cref="EnclosureSettings.Bits"/> (relative precision for x &gt; 0).</summary>
    public static RationalInterval Erfc(RationalInterval x)
    {
        ChargeEnclosure(x, EnclosureSettings.Bits, 8);
        ChargeSeries(2 * EnclosureSettings.Bits);
        return ExactErf.Erfc(x, EnclosureSettings.Bits);
    }

    /// <summary>|x|.</summary>
    public static RationalInterval Abs(RationalInterval x) => x.Abs();

    /// <summary>max(a, b) over every pair of points.</summary>
    public static RationalInterval Max(RationalInterval a, RationalInterval b)
    {
        Charge(a, b, 2);
        return new(FractionExtensions.Max(a.Lower, b.Lower), FractionExtensions.Max(a.Upper, b.Upper));
    }

    /// <summary>min(a, b) over every pair of points.</summary>
    public static RationalInterval Min(RationalInterval a, RationalInterval b)
    {
        Charge(a, b, 2);
        return new(a.Lower <= b.Lower ? a.Lower : b.Lower, a.Upper <= b.Upper ? a.Upper : b.Upper);
    }

    /// <summary>The sign when every point has it (0 only for the point 0), else <see cref="UndecidedException"/>.</summary>
    public static int Sign(RationalInterval x)
    {
        if (x.IsPositive) return 1;
        if (x.IsNegative) return -1;
        if (x.IsExactlyZero) return 0;
        throw new UndecidedException("the sign of " + x + " is not decided.");
    }

    /// <inheritdoc />
    public static double Estimate(RationalInterval x) => x.Midpoint;

    /// <inheritdoc />
    public static bool IsFinite(RationalInterval x) => true;

    /// <summary>The smallest interval containing both.</summary>
    public static RationalInterval Hull(RationalInterval a, RationalInterval b) => new(
        a.Lower <= b.Lower ? a.Lower : b.Lower, FractionExtensions.Max(a.Upper, b.Upper));

    /// <summary>True when every point of <paramref name="inner"/> lies in this interval.</summary>
    public bool Contains(RationalInterval inner) => Lower <= inner.Lower && inner.Upper <= Upper;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{LowerAsDouble:R}, {UpperAsDouble:R}]");
}
