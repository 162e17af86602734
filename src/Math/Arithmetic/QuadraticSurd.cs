using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Arithmetic;

/// <summary>
/// The exact value a + b·r at one point, r = √D with D the point's value of the radicand (issue "Theorem checking",
/// exact identities with a square root): the arithmetic in which the exact identity method evaluates a statement whose
/// sides involve one square root, at each point of its grid (<see cref="RationalDegree"/> tracks the degrees of a and b).
/// a, b and D are exact rationals; r stays a symbol with r² = D, so √ of a radicand that happens to be a perfect square
/// at the point is not turned into a rational, and a side's two parts can be compared with the other side's exactly.
/// <para>
/// Within a <see cref="Track"/> scope the first √ of a value with b = 0 and a ≥ 0 fixes D = a (and returns 0 + 1·r); a
/// later √ whose radicand is not exactly D at this point throws <see cref="SecondRadicandException"/>. Products use
/// r² = D; a quotient is taken through the norm a₂² − b₂²D, and a zero norm throws <see cref="DivideByZeroException"/>
/// (the grid then tries other values, like a zero divisor). Comparisons and signs are exact: the sign of a + b√D follows
/// from the signs of a and b and, where they differ, from a² against b²D. √ of a value with b ≠ 0 (a nested root) or
/// of a negative one, and exp, log, erf, erfc, π, give an inexact value: it may be carried, but a decision on it throws
/// <see cref="NotRationalException"/> and <see cref="Parts"/> refuses it.
/// </para>
/// </summary>
public readonly struct QuadraticSurd : IReal<QuadraticSurd>
{
    private readonly Fraction _a;
    private readonly Fraction _b;
    private readonly string? _inexact;

    private QuadraticSurd(Fraction a, Fraction b, string? inexact = null)
    {
        _a = a;
        _b = b;
        _inexact = inexact;
    }

    [ThreadStatic]
    private static PointScope? _point;

    /// <summary>The radicand D at the current point, once a √ fixed it.</summary>
    private static Fraction? Radicand => _point?.Radicand;

    /// <summary>Starts one point's evaluation on this thread (D not yet fixed) until the returned scope is disposed.</summary>
    public static PointScope Track()
    {
        var scope = new PointScope(_point);
        _point = scope;
        return scope;
    }

    /// <summary>One point's evaluation: the radicand fixed by its first √.</summary>
    public sealed class PointScope : IDisposable
    {
        private readonly PointScope? _previous;

        internal PointScope(PointScope? previous) => _previous = previous;

        /// <summary>D at this point, or null before the first √.</summary>
        public Fraction? Radicand { get; internal set; }

        private IReadOnlyList<(QuadraticSurd Factor, bool TimesRoot)?> _declared = [];
        private int _calls;

        /// <summary>
        /// The declared roots by the order of the √ calls (as <see cref="RationalDegree.Session.DeclareRoots"/>): entry i
        /// non-null makes call i |w| (radicand = w² exactly here) or |w|·√D (radicand = D·w²).
        /// </summary>
        public void DeclareRoots(IReadOnlyList<(QuadraticSurd Factor, bool TimesRoot)?> roots) =>
            _declared = roots ?? throw new ArgumentNullException(nameof(roots));

        internal (QuadraticSurd Factor, bool TimesRoot)? NextRoot()
        {
            int call = _calls++;
            return call < _declared.Count ? _declared[call] : null;
        }

        /// <inheritdoc />
        public void Dispose() => _point = _previous;
    }

    /// <summary>The parts (a, b) of an exact value.</summary>
    /// <exception cref="NotRationalException">the value came from a non-rational operation.</exception>
    public (Fraction A, Fraction B) Parts => _inexact is { } why ? throw new NotRationalException(why) : (_a, _b);

    /// <summary>True when the value came from a non-rational operation.</summary>
    public bool IsInexact => _inexact is not null;

    private static QuadraticSurd Inexact(string operation) => new(Fraction.Zero, Fraction.Zero, operation);

    private static string? Either(QuadraticSurd x, QuadraticSurd y) => x._inexact ?? y._inexact;

    private static Fraction D => Radicand ?? throw new InvalidOperationException("a value involves r before any √ fixed D at this point.");

    /// <inheritdoc />
    public static implicit operator QuadraticSurd(int value) => new(new Fraction(value), Fraction.Zero);

    /// <inheritdoc />
    public static QuadraticSurd operator +(QuadraticSurd x, QuadraticSurd y) => new(x._a + y._a, x._b + y._b, Either(x, y));

    /// <inheritdoc />
    public static QuadraticSurd operator -(QuadraticSurd x, QuadraticSurd y) => new(x._a - y._a, x._b - y._b, Either(x, y));

    /// <inheritdoc />
    public static QuadraticSurd operator -(QuadraticSurd x) => new(-x._a, -x._b, x._inexact);

    /// <summary>(a₁ + b₁r)(a₂ + b₂r) = (a₁a₂ + b₁b₂D) + (a₁b₂ + a₂b₁)r.</summary>
    public static QuadraticSurd operator *(QuadraticSurd x, QuadraticSurd y)
    {
        if (Either(x, y) is { } why)
            return new(Fraction.Zero, Fraction.Zero, why);
        var a = x._a * y._a;
        if (!x._b.IsZero && !y._b.IsZero)
            a += x._b * y._b * D;
        return new(a, x._a * y._b + y._a * x._b);
    }

    /// <summary>(a₁ + b₁r)/(a₂ + b₂r) = (a₁ + b₁r)(a₂ − b₂r)/(a₂² − b₂²D); a zero divisor or zero norm throws <see cref="DivideByZeroException"/>.</summary>
    public static QuadraticSurd operator /(QuadraticSurd x, QuadraticSurd y)
    {
        if (Either(x, y) is { } why)
            return new(Fraction.Zero, Fraction.Zero, why);
        if (y._b.IsZero)
            return y._a.IsZero
                ? throw new DivideByZeroException("a divisor is exactly 0 at this point.")
                : new(x._a / y._a, x._b / y._a);
        var d = D;
        var norm = y._a * y._a - y._b * y._b * d;
        if (norm.IsZero)
            throw new DivideByZeroException("the norm a² − b²D of a divisor a + b·√D is exactly 0 at this point.");
        return new((x._a * y._a - x._b * y._b * d) / norm, (x._b * y._a - x._a * y._b) / norm);
    }

    /// <summary>The exact sign of a + b√D (D ≥ 0).</summary>
    public static int Sign(QuadraticSurd x)
    {
        if (x._inexact is { } why)
            throw new NotRationalException($"the sign of a value computed through {why}, which is not exact in a + b·√D", new UndecidedException(why + " is not exact in a + b·√D"));
        int sa = x._a.Sign(), sb = x._b.Sign();
        if (sb == 0)
            return sa;
        var d = D;
        if (d.IsZero)
            return sa;
        if (sa == 0 || sa == sb)
            return sb;
        // Opposite signs: |a| against |b|√D, i.e. a² against b²D.
        int c = (x._a * x._a).CompareTo(x._b * x._b * d);
        return c > 0 ? sa : c < 0 ? sb : 0;
    }

    /// <inheritdoc />
    public static bool operator <(QuadraticSurd x, QuadraticSurd y) => Sign(x - y) < 0;

    /// <inheritdoc />
    public static bool operator >(QuadraticSurd x, QuadraticSurd y) => Sign(x - y) > 0;

    /// <inheritdoc />
    public static bool operator <=(QuadraticSurd x, QuadraticSurd y) => Sign(x - y) <= 0;

    /// <inheritdoc />
    public static bool operator >=(QuadraticSurd x, QuadraticSurd y) => Sign(x - y) >= 0;

    /// <inheritdoc />
    public static bool IsRigorous => true;

    /// <inheritdoc />
    public static QuadraticSurd Of(double value) => new(ExactDouble.ToFraction(value), Fraction.Zero);

    /// <inheritdoc />
    public static QuadraticSurd Ratio(long numerator, long denominator) => denominator == 0
        ? throw new ArgumentException("denominator must not be 0.", nameof(denominator))
        : new(new Fraction(numerator, denominator), Fraction.Zero);

    /// <inheritdoc />
    public static QuadraticSurd Rational(Fraction value) => new(value, Fraction.Zero);

    /// <summary>A tagged input is its point (<see cref="EnclosureSettings.UseTags"/> with point intervals); an untagged one is its exact double.</summary>
    /// <exception cref="ArgumentException">the input is tagged with an interval that is not a point.</exception>
    public static QuadraticSurd Input(double value)
    {
        if (EnclosureSettings.TaggedBox(value) is not { } box)
            return Of(value);
        return box.Lower == box.Upper
            ? new(box.Lower, Fraction.Zero)
            : throw new ArgumentException($"an input tagged with the interval {box} is not a point.", nameof(value));
    }

    /// <inheritdoc />
    public static QuadraticSurd Pi => Inexact("π");

    /// <summary>
    /// √x = 0 + 1·r when x = a ≥ 0 is rational: the first fixes D = a at this point; a later one must have radicand
    /// exactly D (<see cref="SecondRadicandException"/> otherwise). A declared call (<see cref="PointScope.DeclareRoots"/>)
    /// is |w| or |w|·r, its radicand checked to be w² or D·w² exactly. Nested or negative: inexact.
    /// </summary>
    public static QuadraticSurd Sqrt(QuadraticSurd x)
    {
        if (_point is not { } point)
            return Inexact("√ outside a point scope");
        var declared = point.NextRoot();
        if (x._inexact is { } why)
            return new(Fraction.Zero, Fraction.Zero, why);
        if (!x._b.IsZero)
            return Inexact("√ of a value that involves √D (a nested root)");
        if (x._a.Sign() < 0)
            return Inexact("√ of a negative value");
        if (declared is { } w)
        {
            var (fa, fb) = w.Factor.Parts;
            if (!fb.IsZero)
                throw new SecondRadicandException("a declared root's factor involves √D");
            var square = fa * fa;
            if (w.TimesRoot)
            {
                if (point.Radicand is not { } radicand)
                    throw new SecondRadicandException("a √ declared a multiple of √D comes before any √D");
                if (x._a != radicand * square)
                    throw new SecondRadicandException($"a declared root's radicand {ExactDouble.ToDouble(x._a)} is not D·w² = {ExactDouble.ToDouble(radicand * square)}");
                return new(Fraction.Zero, Fraction.Abs(fa));
            }
            if (x._a != square)
                throw new SecondRadicandException($"a declared root's radicand {ExactDouble.ToDouble(x._a)} is not w² = {ExactDouble.ToDouble(square)}");
            return new(Fraction.Abs(fa), Fraction.Zero);
        }
        if (point.Radicand is not { } d)
            point.Radicand = x._a;
        else if (d != x._a)
            throw new SecondRadicandException($"a second √ has the radicand {ExactDouble.ToDouble(x._a)}, not D = {ExactDouble.ToDouble(d)}, at this point");
        return new(Fraction.Zero, Fraction.One);
    }

    /// <inheritdoc />
    public static QuadraticSurd Exp(QuadraticSurd x) => Inexact("exp");

    /// <inheritdoc />
    public static QuadraticSurd Log(QuadraticSurd x) => Inexact("log");

    /// <inheritdoc />
    public static QuadraticSurd Erf(QuadraticSurd x) => Inexact("erf");

    /// <inheritdoc />
    public static QuadraticSurd Erfc(QuadraticSurd x) => Inexact("erfc");

    /// <inheritdoc />
    public static QuadraticSurd Abs(QuadraticSurd x) => Sign(x) < 0 ? -x : x;

    /// <inheritdoc />
    public static QuadraticSurd Max(QuadraticSurd a, QuadraticSurd b) => a >= b ? a : b;

    /// <inheritdoc />
    public static QuadraticSurd Min(QuadraticSurd a, QuadraticSurd b) => a <= b ? a : b;

    /// <summary>A double near a + b√D (a few roundings; a display value, never a decision).</summary>
    /// <exception cref="NotRationalException">the value came from a non-rational operation.</exception>
    public static double Estimate(QuadraticSurd x)
    {
        var (a, b) = x.Parts;
        return ExactDouble.ToDouble(a) + (b.IsZero ? 0 : ExactDouble.ToDouble(b) * Math.Sqrt(ExactDouble.ToDouble(D)));
    }

    /// <summary>Always true: exact values do not overflow.</summary>
    public static bool IsFinite(QuadraticSurd x) => true;
}

/// <summary>A second √ whose radicand differs from the first one's at a point: the values are not in one ring Q(x)[√D].</summary>
public sealed class SecondRadicandException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public SecondRadicandException()
    {
    }

    /// <summary>Creates the exception with what differed.</summary>
    public SecondRadicandException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with what differed and a cause.</summary>
    public SecondRadicandException(string message, Exception inner) : base(message, inner)
    {
    }
}
