namespace Verification.Numerics.Arithmetic;

/// <summary>
/// Forward-mode derivatives over any <see cref="IReal{T}"/> (a value and its gradient with respect to the inputs a
/// proof box tags, <see cref="EnclosureSettings.TagIndex"/>): over rational intervals it encloses ∇f on a whole box, which
/// gives the mean-value form f(X) ⊆ f(m) + ∇f(X)·(X − m) and monotonicity, from the same generic statement code.
/// Constants have a zero gradient. Where a derivative is undefined on the box (√ or |·| at 0, a branch of max that
/// cannot be decided) the operation throws <see cref="UndecidedException"/>.
/// </summary>
public readonly struct Dual<T> : IReal<Dual<T>> where T : IReal<T>
{
    private readonly T[]? _gradient;

    /// <summary>A value with the given gradient (null: zero).</summary>
    public Dual(T value, T[]? gradient)
    {
        Value = value;
        _gradient = gradient;
    }

    /// <summary>The value.</summary>
    public T Value { get; }

    /// <summary>∂/∂x_k of the value, k over the tagged inputs (zero where no input is tagged).</summary>
    public T Derivative(int k) => _gradient is { } g && k < g.Length ? g[k] : T.Of(0);

    /// <summary>The number of tagged inputs the gradient spans.</summary>
    public int Dimension => _gradient?.Length ?? 0;

    private static Dual<T> Chain(T value, Dual<T> x, T derivative)
    {
        if (x._gradient is null)
            return new(value, null);
        var g = new T[x._gradient.Length];
        for (int i = 0; i < g.Length; i++)
            g[i] = derivative * x._gradient[i];
        return new(value, g);
    }

    private static T[]? Combine(Dual<T> a, T da, Dual<T> b, T db)
    {
        if (a._gradient is null && b._gradient is null)
            return null;
        int n = Math.Max(a.Dimension, b.Dimension);
        var g = new T[n];
        for (int i = 0; i < n; i++)
            g[i] = da * a.Derivative(i) + db * b.Derivative(i);
        return g;
    }

    /// <inheritdoc />
    public static implicit operator Dual<T>(int value) => new(value, null);

    /// <inheritdoc />
    public static bool IsRigorous => T.IsRigorous;

    /// <inheritdoc />
    public static Dual<T> Pi => new(T.Pi, null);

    /// <inheritdoc />
    public static Dual<T> operator +(Dual<T> a, Dual<T> b) => new(a.Value + b.Value, Combine(a, T.Of(1), b, T.Of(1)));

    /// <inheritdoc />
    public static Dual<T> operator -(Dual<T> a, Dual<T> b) => new(a.Value - b.Value, Combine(a, T.Of(1), b, T.Of(-1)));

    /// <inheritdoc />
    public static Dual<T> operator -(Dual<T> a) => Chain(-a.Value, a, T.Of(-1));

    /// <inheritdoc />
    public static Dual<T> operator *(Dual<T> a, Dual<T> b) => new(a.Value * b.Value, Combine(a, b.Value, b, a.Value));

    /// <inheritdoc />
    public static Dual<T> operator /(Dual<T> a, Dual<T> b)
    {
        var q = a.Value / b.Value;
        // d(a/b) = da/b − (a/b)·db/b.
        return new(q, Combine(a, T.Of(1) / b.Value, b, -q / b.Value));
    }

    /// <inheritdoc />
    public static bool operator <(Dual<T> a, Dual<T> b) => a.Value < b.Value;

    /// <inheritdoc />
    public static bool operator >(Dual<T> a, Dual<T> b) => a.Value > b.Value;

    /// <inheritdoc />
    public static bool operator <=(Dual<T> a, Dual<T> b) => a.Value <= b.Value;

    /// <inheritdoc />
    public static bool operator >=(Dual<T> a, Dual<T> b) => a.Value >= b.Value;

    /// <inheritdoc />
    public static Dual<T> Of(double value) => new(T.Of(value), null);

    /// <inheritdoc />
    public static Dual<T> Ratio(long numerator, long denominator) => new(T.Ratio(numerator, denominator), null);

    /// <inheritdoc />
    public static Dual<T> Rational(Fractions.Fraction value) => new(T.Rational(value), null);

    /// <summary>The input's value (a box when tagged) and, when it is tagged, the unit gradient of its coordinate.</summary>
    public static Dual<T> Input(double value) =>
        EnclosureSettings.Mapped(value, RawInput, out Dual<T> mapped) ? mapped : RawInput(value);

    private static Dual<T> RawInput(double value)
    {
        var x = T.Input(value);
        if (EnclosureSettings.TagIndex(value) is not { } k)
            return new(x, null);
        var g = new T[EnclosureSettings.TagCount];
        for (int i = 0; i < g.Length; i++)
            g[i] = i == k ? T.Of(1) : T.Of(0);
        return new(x, g);
    }

    /// <inheritdoc />
    public static Dual<T> Sqrt(Dual<T> x)
    {
        var s = T.Sqrt(x.Value);
        return x._gradient is null ? new(s, null) : Chain(s, x, T.Of(1) / (2 * s));
    }

    /// <inheritdoc />
    public static Dual<T> Exp(Dual<T> x)
    {
        var e = T.Exp(x.Value);
        return Chain(e, x, e);
    }

    /// <inheritdoc />
    public static Dual<T> Log(Dual<T> x) => Chain(T.Log(x.Value), x, T.Of(1) / x.Value);

    /// <inheritdoc />
    public static Dual<T> Erf(Dual<T> x) =>
        x._gradient is null ? new(T.Erf(x.Value), null) : Chain(T.Erf(x.Value), x, 2 / T.Sqrt(T.Pi) * T.Exp(-(x.Value * x.Value)));

    /// <inheritdoc />
    public static Dual<T> Erfc(Dual<T> x) =>
        x._gradient is null ? new(T.Erfc(x.Value), null) : Chain(T.Erfc(x.Value), x, -2 / T.Sqrt(T.Pi) * T.Exp(-(x.Value * x.Value)));

    /// <inheritdoc />
    public static Dual<T> Abs(Dual<T> x)
    {
        if (x._gradient is null)
            return new(T.Abs(x.Value), null);
        // |x| = x where x ≥ 0 on the whole box and −x where x ≤ 0 (a box touching 0 from one side included); a box
        // straddling 0 has no single derivative (the comparisons throw UndecidedException).
        if (Holds(() => x.Value >= 0))
            return x;
        if (Holds(() => x.Value <= 0))
            return -x;
        throw new UndecidedException("|x| has no derivative on a box around 0");
    }

    /// <summary>True when the comparison is decided true; false when it is false or undecided.</summary>
    private static bool Holds(Func<bool> comparison)
    {
        try
        {
            return comparison();
        }
        catch (UndecidedException e) when (e is not ExactWorkExceededException) // a spent budget is no answer: let it say so
        {
            return false;
        }
    }

    /// <inheritdoc />
    public static Dual<T> Max(Dual<T> a, Dual<T> b)
    {
        if (a._gradient is null && b._gradient is null)
            return new(T.Max(a.Value, b.Value), null);
        // a where a ≥ b on the whole box, b where a ≤ b on it (a box touching the tie from one side included, as for |x|);
        // undecided where neither holds everywhere (the larger one changes inside the box).
        if (Holds(() => a.Value >= b.Value))
            return a;
        if (Holds(() => a.Value <= b.Value))
            return b;
        return a.Value >= b.Value ? a : b; // intervals: throws UndecidedException here; doubles: a NaN gives b, as before
    }

    /// <inheritdoc />
    public static Dual<T> Min(Dual<T> a, Dual<T> b)
    {
        if (a._gradient is null && b._gradient is null)
            return new(T.Min(a.Value, b.Value), null);
        if (Holds(() => a.Value <= b.Value))
            return a;
        if (Holds(() => a.Value >= b.Value))
            return b;
        return a.Value <= b.Value ? a : b; // intervals: throws UndecidedException here; doubles: a NaN gives b, as before
    }

    /// <inheritdoc />
    public static int Sign(Dual<T> x) => T.Sign(x.Value);

    /// <inheritdoc />
    public static double Estimate(Dual<T> x) => T.Estimate(x.Value);

    /// <inheritdoc />
    public static bool IsFinite(Dual<T> x) => T.IsFinite(x.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString() ?? "";
}
