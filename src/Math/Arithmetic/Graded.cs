namespace Verification.Numerics.Arithmetic;

/// <summary>
/// Dimensional analysis of a statement's own generic code: each value carries its degree under a group of positive
/// scalings (one exponent per scaling parameter; inputs get the degrees <see cref="EnclosureSettings.UseDegrees"/>
/// assigns their proof coordinates), and each operation checks that it is homogeneous: sums, comparisons, max/min
/// and the two sides of a relation need equal degrees, exp/log/erf need degree 0, products add degrees, √ halves them.
/// A relation whose sides come out with equal degrees is invariant under every scaling of the group (both sides are
/// multiplied by the same positive factor), which is what makes a scaling reduction of its domain valid. The value
/// (an exact interval) decides the branches, so a proof box checks the branches it covers. The constant 0 fits any
/// degree. A violation throws <see cref="NotHomogeneousException"/>.
/// </summary>
public readonly struct Graded : IReal<Graded>
{
    private const double Same = 1e-12;

    private readonly double[]? _degree;
    private readonly bool _anyDegree;

    private Graded(Exact.RationalInterval value, double[]? degree, bool anyDegree)
    {
        Value = value;
        _degree = degree;
        _anyDegree = anyDegree;
    }

    /// <summary>The exact value (decides the branches).</summary>
    public Exact.RationalInterval Value { get; }

    /// <summary>The degree under each scaling parameter; null for the constant 0, which fits any degree.</summary>
    public IReadOnlyList<double>? Degree => _anyDegree ? null : _degree ?? [];

    private static Graded Constant(Exact.RationalInterval value) => new(value, null, value.IsExactlyZero);

    private static double[] Zero(int n) => new double[n];

    private static double[] DegreeOf(Graded x, int n) => x._degree ?? Zero(n);

    private static int Width(Graded a, Graded b) => Math.Max(a._degree?.Length ?? 0, b._degree?.Length ?? 0);

    /// <summary>Both degrees must agree (a side may be the constant 0); the common degree.</summary>
    private static (double[]? Degree, bool Any) Agree(Graded a, Graded b, string what)
    {
        if (a._anyDegree) return (b._degree, b._anyDegree);
        if (b._anyDegree) return (a._degree, false);
        int n = Width(a, b);
        var da = DegreeOf(a, n);
        var db = DegreeOf(b, n);
        for (int i = 0; i < n; i++)
            if (Math.Abs(da[i] - db[i]) > Same)
                throw new NotHomogeneousException($"{what} of degrees ({string.Join(", ", da)}) and ({string.Join(", ", db)})");
        return (n == 0 ? null : da, false);
    }

    private static Graded Dimensionless(Graded x, string function)
    {
        if (x._anyDegree || x._degree is null || x._degree.All(d => Math.Abs(d) <= Same))
            return x;
        throw new NotHomogeneousException($"{function} of a quantity of degree ({string.Join(", ", x._degree)}); it needs degree 0");
    }

    /// <summary>True when the two sides of a relation have the same degree, so the relation is scale invariant.</summary>
    public static bool SameDegree(Graded a, Graded b)
    {
        try
        {
            Agree(a, b, "a relation between sides");
            return true;
        }
        catch (NotHomogeneousException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public static implicit operator Graded(int value) => Constant(value);

    /// <inheritdoc />
    public static bool IsRigorous => true;

    /// <inheritdoc />
    public static Graded Pi => new(Exact.RationalInterval.Pi, null, false);

    /// <inheritdoc />
    public static Graded operator +(Graded a, Graded b)
    {
        var (d, any) = Agree(a, b, "a sum");
        return new(a.Value + b.Value, d, any && (a.Value + b.Value).IsExactlyZero);
    }

    /// <inheritdoc />
    public static Graded operator -(Graded a, Graded b)
    {
        var (d, any) = Agree(a, b, "a difference");
        return new(a.Value - b.Value, d, any && (a.Value - b.Value).IsExactlyZero);
    }

    /// <inheritdoc />
    public static Graded operator -(Graded a) => new(-a.Value, a._degree, a._anyDegree);

    /// <inheritdoc />
    public static Graded operator *(Graded a, Graded b)
    {
        var v = a.Value * b.Value;
        if (a._anyDegree || b._anyDegree)
            return new(v, null, true);
        int n = Width(a, b);
        var da = DegreeOf(a, n);
        var db = DegreeOf(b, n);
        return new(v, n == 0 ? null : [.. da.Zip(db, (x, y) => x + y)], false);
    }

    /// <inheritdoc />
    public static Graded operator /(Graded a, Graded b)
    {
        var v = a.Value / b.Value; // a constant 0 divisor throws here
        if (a._anyDegree)
            return new(v, null, true);
        int n = Width(a, b);
        var da = DegreeOf(a, n);
        var db = DegreeOf(b, n);
        return new(v, n == 0 ? null : [.. da.Zip(db, (x, y) => x - y)], false);
    }

    /// <inheritdoc />
    public static bool operator <(Graded a, Graded b)
    {
        Agree(a, b, "a comparison");
        return a.Value < b.Value;
    }

    /// <inheritdoc />
    public static bool operator >(Graded a, Graded b) => b < a;

    /// <inheritdoc />
    public static bool operator <=(Graded a, Graded b)
    {
        Agree(a, b, "a comparison");
        return a.Value <= b.Value;
    }

    /// <inheritdoc />
    public static bool operator >=(Graded a, Graded b) => b <= a;

    /// <inheritdoc />
    public static Graded Of(double value) => Constant(Exact.RationalInterval.Exact(value));

    /// <inheritdoc />
    public static Graded Ratio(long numerator, long denominator) => Constant(Exact.RationalInterval.Ratio(numerator, denominator));

    /// <inheritdoc />
    public static Graded Rational(Fractions.Fraction value) => Constant(Exact.RationalInterval.Exact(value));

    /// <summary>A tagged input: its box and the degree of its coordinate; an untagged one cannot be graded.</summary>
    public static Graded Input(double value) =>
        EnclosureSettings.Mapped(value, RawInput, out Graded mapped) ? mapped : RawInput(value);

    private static Graded RawInput(double value)
    {
        var v = Exact.RationalInterval.Input(value);
        if (EnclosureSettings.TagIndex(value) is not { } k || EnclosureSettings.DegreeOf(k) is not { } degree)
            throw new NotHomogeneousException($"the input {value} is not a coordinate with a declared degree");
        return new(v, [.. degree], false);
    }

    /// <inheritdoc />
    public static Graded Sqrt(Graded x) =>
        new(Exact.RationalInterval.Sqrt(x.Value), x._degree is null ? null : [.. x._degree.Select(d => d / 2)], x._anyDegree);

    /// <inheritdoc />
    public static Graded Exp(Graded x) => new(Exact.RationalInterval.Exp(Dimensionless(x, "exp").Value), null, false);

    /// <inheritdoc />
    public static Graded Log(Graded x) => new(Exact.RationalInterval.Log(Dimensionless(x, "log").Value), null, false);

    /// <inheritdoc />
    public static Graded Erf(Graded x) => new(Exact.RationalInterval.Erf(Dimensionless(x, "erf").Value), null, false);

    /// <inheritdoc />
    public static Graded Erfc(Graded x) => new(Exact.RationalInterval.Erfc(Dimensionless(x, "erfc").Value), null, false);

    /// <inheritdoc />
    public static Graded Abs(Graded x) => new(Exact.RationalInterval.Abs(x.Value), x._degree, x._anyDegree);

    /// <inheritdoc />
    public static Graded Max(Graded a, Graded b)
    {
        var (d, any) = Agree(a, b, "a maximum");
        return new(Exact.RationalInterval.Max(a.Value, b.Value), d, any);
    }

    /// <inheritdoc />
    public static Graded Min(Graded a, Graded b)
    {
        var (d, any) = Agree(a, b, "a minimum");
        return new(Exact.RationalInterval.Min(a.Value, b.Value), d, any);
    }

    /// <inheritdoc />
    public static int Sign(Graded x) => Exact.RationalInterval.Sign(x.Value);

    /// <inheritdoc />
    public static double Estimate(Graded x) => x.Value.Midpoint;

    /// <inheritdoc />
    public static bool IsFinite(Graded x) => true;
}

/// <summary>An operation of a statement that is not homogeneous under the declared scalings.</summary>
public sealed class NotHomogeneousException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public NotHomogeneousException()
    {
    }

    /// <summary>Creates the exception with the operation that is not homogeneous.</summary>
    public NotHomogeneousException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public NotHomogeneousException(string message, Exception inner) : base(message, inner)
    {
    }
}
