namespace Verification.Numerics.Arithmetic;

/// <summary>
/// Taylor expansion of a statement at a face of a proof box (issue "Theorem checking", item 2: exact evaluation on the
/// lower-dimensional faces where a relation is tight). Along one coordinate x_k of the box, written x_k = c + s·t with
/// c the face's value, s = ±1 its side and t ∈ [0, w], every value f carries two truncated Taylor series in t of order
/// N: <see cref="Face"/>, the coefficients f⁽ʲ⁾(0)/j! at the face (t = 0, the other coordinates over their whole
/// ranges), and <see cref="Box"/>, the same coefficients over the whole box (t over [0, w]). By Taylor's theorem with
/// Lagrange's remainder, for every t ∈ [0, w]
/// <code>f(t) ∈ Face₀ + Face₁t + … + Face_(N−1)t^(N−1) + Box_N·t^N,</code>
/// and where Face₀ … Face_(j−1) are exactly 0, f(t) = t^j·(Face_j + … + Box_N t^(N−j)), so the sign of f on the
/// half-open box t ∈ (0, w] is the sign of that bracket over [0, w]. This decides what a plain enclosure cannot: a
/// relation that is tight on the face (m(x*) − M(x*) = −(L/3)x*³ vanishes to third order at |g| = 0), and branches
/// that are decided by the face itself (<c>Sign(|g|) == 0</c>, <c>λ ≥ 0</c> at λ = 0), which have one value on the
/// half-open box; the face itself is decided separately (by the prover), with the statement's own branch there.
/// </summary>
/// <remarks>
/// Soundness: a branch is taken only when its comparison is decided for every point of the half-open box (either on
/// the closed box, or by the bracket rule above), so on the half-open box the statement's code is one formula; every
/// elementary operation of it is evaluated on the closed box and at the face in its analytic domain (√ and ln of
/// positive intervals, division by intervals without 0; an operation that is not throws), so that formula is analytic
/// on the closed box and Taylor's theorem applies. The series are computed by the usual recurrences of automatic
/// differentiation (products by Cauchy sums, quotients, √, exp, ln and erf by their differential equations), over
/// <typeparamref name="T"/>'s outward-rounded intervals.
/// </remarks>
public readonly struct FaceJet<T> : IReal<FaceJet<T>> where T : IReal<T>
{
    [ThreadStatic]
    private static Context? _context;

    private sealed record Context(int Coordinate, double FaceValue, int Side, int Order, T Range);

    private readonly T[]? _face;
    private readonly T[]? _box;
    private readonly T _constant;

    private FaceJet(T[] face, T[] box)
    {
        _face = face;
        _box = box;
        _constant = face[0];
    }

    private FaceJet(T constant)
    {
        _face = null;
        _box = null;
        _constant = constant;
    }

    /// <summary>The expansion order N on this thread (0 outside <see cref="Use"/>).</summary>
    public static int Order => _context?.Order ?? 0;

    /// <summary>
    /// Expands along proof coordinate <paramref name="coordinate"/> (the tag index of <see cref="EnclosureSettings"/>) at the
    /// face x_k = <paramref name="faceValue"/> on side <paramref name="side"/> (+1: the box is [c, c + w]; −1: [c − w, c]),
    /// to order <paramref name="order"/>, until the returned scope is disposed. The tags must be set
    /// (<see cref="EnclosureSettings.UseTags"/>) and coordinate k's tag must read as a box with that end.
    /// </summary>
    /// <param name="coordinate">The coordinate index k ≥ 0.</param>
    /// <param name="faceValue">The face's value c (finite).</param>
    /// <param name="side">+1 or −1.</param>
    /// <param name="order">N in [1, 8].</param>
    /// <param name="range">The range of t, [0, w], in <typeparamref name="T"/>.</param>
    /// <exception cref="ArgumentException">an argument outside its range.</exception>
    public static Scope Use(int coordinate, double faceValue, int side, int order, T range)
    {
        if (coordinate < 0)
            throw new ArgumentException($"coordinate must be ≥ 0, got {coordinate}.", nameof(coordinate));
        if (!double.IsFinite(faceValue))
            throw new ArgumentException($"faceValue must be finite, got {faceValue}.", nameof(faceValue));
        if (side is not (1 or -1))
            throw new ArgumentException($"side must be +1 or −1, got {side}.", nameof(side));
        if (order is < 1 or > 8)
            throw new ArgumentException($"order must be in [1, 8], got {order}.", nameof(order));
        if (Decided(() => range >= T.Of(0)) is not true)
            throw new ArgumentException($"range must be [0, w] with w ≥ 0, got {range}.", nameof(range));
        var scope = new Scope(_context);
        _context = new Context(coordinate, faceValue, side, order, range);
        return scope;
    }

    /// <summary>Restores the previous expansion when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly object? _previous;

        internal Scope(object? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => _context = (Context?)_previous;
    }

    private static int N => _context?.Order ?? throw new InvalidOperationException("FaceJet is used outside FaceJet.Use.");

    /// <summary>The coefficient f⁽ʲ⁾(0)/j! at the face, j ≤ N.</summary>
    public T Face(int j) => _face is { } f ? f[j] : j == 0 ? _constant : T.Of(0);

    /// <summary>The coefficient f⁽ʲ⁾/j! enclosed over the whole box, j ≤ N.</summary>
    public T Box(int j) => _box is { } b ? b[j] : j == 0 ? _constant : T.Of(0);

    private bool IsConstant => _face is null;

    private static T[] Series(FaceJet<T> x, bool face)
    {
        if (!x.IsConstant)
            return face ? x._face! : x._box!;
        var s = new T[N + 1];
        s[0] = x._constant;
        for (int i = 1; i < s.Length; i++)
            s[i] = T.Of(0);
        return s;
    }

    private static FaceJet<T> Map(FaceJet<T> a, FaceJet<T> b, Func<T[], T[], T[]> f, Func<T, T, T> constant) =>
        a.IsConstant && b.IsConstant
            ? new(constant(a._constant, b._constant))
            : new(f(Series(a, true), Series(b, true)), f(Series(a, false), Series(b, false)));

    private static FaceJet<T> Map(FaceJet<T> a, Func<T[], T[]> f, Func<T, T> constant) =>
        a.IsConstant ? new(constant(a._constant)) : new(f(a._face!), f(a._box!));

    private static T[] Add(T[] a, T[] b) => [.. a.Select((x, i) => x + b[i])];

    private static T[] Subtract(T[] a, T[] b) => [.. a.Select((x, i) => x - b[i])];

    private static T[] Multiply(T[] a, T[] b)
    {
        var c = new T[a.Length];
        for (int k = 0; k < c.Length; k++)
        {
            var sum = a[0] * b[k];
            for (int i = 1; i <= k; i++)
                sum += a[i] * b[k - i];
            c[k] = sum;
        }
        return c;
    }

    private static T[] Divide(T[] a, T[] b)
    {
        // q·b = a: q_k = (a_k − Σ_{i=1..k} b_i q_{k−i}) / b_0.
        var q = new T[a.Length];
        for (int k = 0; k < q.Length; k++)
        {
            var r = a[k];
            for (int i = 1; i <= k; i++)
                r -= b[i] * q[k - i];
            q[k] = r / b[0];
        }
        return q;
    }

    private static T[] SquareRoot(T[] a)
    {
        // s² = a: s_0 = √a_0, s_k = (a_k − Σ_{i=1..k−1} s_i s_{k−i}) / (2 s_0); s_0 must be > 0 (the division throws else).
        var s = new T[a.Length];
        s[0] = T.Sqrt(a[0]);
        for (int k = 1; k < s.Length; k++)
        {
            var r = a[k];
            for (int i = 1; i < k; i++)
                r -= s[i] * s[k - i];
            s[k] = r / (2 * s[0]);
        }
        return s;
    }

    private static T[] Exponential(T[] a)
    {
        // e' = a'e: k e_k = Σ_{i=1..k} i a_i e_{k−i}.
        var e = new T[a.Length];
        e[0] = T.Exp(a[0]);
        for (int k = 1; k < e.Length; k++)
        {
            var sum = a[1] * e[k - 1];
            for (int i = 2; i <= k; i++)
                sum += i * a[i] * e[k - i];
            e[k] = sum / k;
        }
        return e;
    }

    private static T[] Logarithm(T[] a)
    {
        // a·l' = a': k l_k a_0 = k a_k − Σ_{i=1..k−1} i l_i a_{k−i}.
        var l = new T[a.Length];
        l[0] = T.Log(a[0]);
        for (int k = 1; k < l.Length; k++)
        {
            var r = k * a[k];
            for (int i = 1; i < k; i++)
                r -= i * l[i] * a[k - i];
            l[k] = r / (k * a[0]);
        }
        return l;
    }

    private static T[] ErrorFunction(T[] a, bool complement)
    {
        // E' = ±(2/√π) e^(−a²) a': k E_k = ±(2/√π) Σ_{i=1..k} i a_i g_{k−i}, g = exp(−a²).
        var g = Exponential(Negate(Multiply(a, a)));
        var c = 2 / T.Sqrt(T.Pi);
        var e = new T[a.Length];
        e[0] = complement ? T.Erfc(a[0]) : T.Erf(a[0]);
        for (int k = 1; k < e.Length; k++)
        {
            var sum = a[1] * g[k - 1];
            for (int i = 2; i <= k; i++)
                sum += i * a[i] * g[k - i];
            var ek = c * sum / k;
            e[k] = complement ? -ek : ek;
        }
        return e;
    }

    private static T[] Negate(T[] a) => [.. a.Select(x => -x)];

    /// <inheritdoc />
    public static implicit operator FaceJet<T>(int value) => new(T.Of(value));

    /// <inheritdoc />
    public static bool IsRigorous => T.IsRigorous;

    /// <inheritdoc />
    public static FaceJet<T> Pi => new(T.Pi);

    /// <inheritdoc />
    public static FaceJet<T> operator +(FaceJet<T> a, FaceJet<T> b) => Map(a, b, Add, (x, y) => x + y);

    /// <inheritdoc />
    public static FaceJet<T> operator -(FaceJet<T> a, FaceJet<T> b) => Map(a, b, Subtract, (x, y) => x - y);

    /// <inheritdoc />
    public static FaceJet<T> operator -(FaceJet<T> a) => Map(a, Negate, x => -x);

    /// <inheritdoc />
    public static FaceJet<T> operator *(FaceJet<T> a, FaceJet<T> b) => Map(a, b, Multiply, (x, y) => x * y);

    /// <inheritdoc />
    public static FaceJet<T> operator /(FaceJet<T> a, FaceJet<T> b) => Map(a, b, Divide, (x, y) => x / y);

    /// <inheritdoc />
    public static bool operator <(FaceJet<T> a, FaceJet<T> b) => AtMost(a - b, strict: true);

    /// <inheritdoc />
    public static bool operator >(FaceJet<T> a, FaceJet<T> b) => AtMost(b - a, strict: true);

    /// <inheritdoc />
    public static bool operator <=(FaceJet<T> a, FaceJet<T> b) => AtMost(a - b, strict: false);

    /// <inheritdoc />
    public static bool operator >=(FaceJet<T> a, FaceJet<T> b) => AtMost(b - a, strict: false);

    /// <summary>
    /// x ≤ 0 (or &lt; 0) at every point of the half-open box: true, false (x &gt; 0, resp. ≥ 0, at every point), or
    /// <see cref="UndecidedException"/>.
    /// </summary>
    private static bool AtMost(FaceJet<T> x, bool strict)
    {
        if (Decided(() => strict ? x.Box(0) < T.Of(0) : x.Box(0) <= T.Of(0)) is { } closed)
            return closed;
        if (OpenBracket(x) is { } bracket)
        {
            // x = t^j·bracket on t ∈ (0, w]: x ≤ 0 where bracket ≤ 0; x > 0 where bracket > 0 (t^j > 0).
            if (Decided(() => strict ? bracket < T.Of(0) : bracket <= T.Of(0)) is true)
                return true;
            if (Decided(() => strict ? bracket >= T.Of(0) : bracket > T.Of(0)) is true)
                return false;
        }
        throw new UndecidedException("a comparison is not decided on the box nor on the half-open box off its face");
    }

    /// <summary>
    /// True when x ≤ 0 (<paramref name="strict"/>: x &lt; 0) at every point of the half-open box off the face, by the
    /// closed enclosure or by the bracket rule; false when that cannot be shown (never throws).
    /// </summary>
    public static bool HoldsOffFace(FaceJet<T> x, bool strict)
    {
        try
        {
            return AtMost(x, strict);
        }
        catch (ArithmeticException)
        {
            return false;
        }
    }

    private static TResult? Decided<TResult>(Func<TResult> comparison) where TResult : struct
    {
        try
        {
            return comparison();
        }
        catch (UndecidedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bracket B with x(t) = t^j·B(t) on t ∈ [0, w], enclosed over [0, w] by Horner's rule, where Face₀ … Face_(j−1)
    /// are exactly 0: B = Face_j + Face_(j+1)t + … + Box_N t^(N−j). Null outside an expansion.
    /// </summary>
    private static T? OpenBracket(FaceJet<T> x)
    {
        if (_context is not { } context)
            return default;
        int n = context.Order;
        int j = 0;
        while (j < n && IsExactlyZero(x.Face(j)))
            j++;
        var b = x.Box(n);
        for (int i = n - 1; i >= j; i--)
            b = x.Face(i) + context.Range * b;
        return b;
    }

    private static bool IsExactlyZero(T x) => Decided(() => T.Sign(x) == 0) is true;

    /// <inheritdoc />
    public static FaceJet<T> Of(double value) => new(T.Of(value));

    /// <inheritdoc />
    public static FaceJet<T> Ratio(long numerator, long denominator) => new(T.Ratio(numerator, denominator));

    /// <inheritdoc />
    public static FaceJet<T> Rational(Fractions.Fraction value) => new(T.Rational(value));

    /// <summary>
    /// An input: the expansion coordinate is c + s·t at the face and X_k + s·t over the box; another tagged coordinate is
    /// its box (a constant in t); an untagged input is its value.
    /// </summary>
    public static FaceJet<T> Input(double value)
    {
        var x = T.Input(value);
        if (_context is not { } context || EnclosureSettings.TagIndex(value) != context.Coordinate)
            return new(x);
        var face = new T[context.Order + 1];
        var box = new T[context.Order + 1];
        face[0] = T.Of(context.FaceValue);
        box[0] = x;
        face[1] = context.Side;
        box[1] = context.Side;
        for (int i = 2; i < face.Length; i++)
        {
            face[i] = T.Of(0);
            box[i] = T.Of(0);
        }
        return new(face, box);
    }

    /// <inheritdoc />
    public static FaceJet<T> Sqrt(FaceJet<T> x) => Map(x, SquareRoot, T.Sqrt);

    /// <inheritdoc />
    public static FaceJet<T> Exp(FaceJet<T> x) => Map(x, Exponential, T.Exp);

    /// <inheritdoc />
    public static FaceJet<T> Log(FaceJet<T> x) => Map(x, Logarithm, T.Log);

    /// <inheritdoc />
    public static FaceJet<T> Erf(FaceJet<T> x) => Map(x, a => ErrorFunction(a, complement: false), T.Erf);

    /// <inheritdoc />
    public static FaceJet<T> Erfc(FaceJet<T> x) => Map(x, a => ErrorFunction(a, complement: true), T.Erfc);

    /// <inheritdoc />
    public static FaceJet<T> Abs(FaceJet<T> x)
    {
        if (x.IsConstant)
            return new(T.Abs(x._constant));
        // |x| = x where x ≥ 0 on the whole half-open box, −x where x ≤ 0; else undecided (no single formula).
        return AtMost(-x, strict: false) ? x : AtMost(x, strict: false) ? -x : throw new UndecidedException("|x| changes formula on the box");
    }

    /// <inheritdoc />
    public static FaceJet<T> Max(FaceJet<T> a, FaceJet<T> b)
    {
        if (a.IsConstant && b.IsConstant)
            return new(T.Max(a._constant, b._constant));
        return AtMost(b - a, strict: false) ? a : AtMost(a - b, strict: false) ? b : throw new UndecidedException("max changes branch on the box");
    }

    /// <inheritdoc />
    public static FaceJet<T> Min(FaceJet<T> a, FaceJet<T> b)
    {
        if (a.IsConstant && b.IsConstant)
            return new(T.Min(a._constant, b._constant));
        return AtMost(a - b, strict: false) ? a : AtMost(b - a, strict: false) ? b : throw new UndecidedException("min changes branch on the box");
    }

    /// <inheritdoc />
    public static int Sign(FaceJet<T> x)
    {
        if (Decided(() => T.Sign(x.Box(0))) is { } closed)
            return closed;
        if (OpenBracket(x) is { } bracket && Decided(() => T.Sign(bracket)) is { } open)
            return open;
        throw new UndecidedException("the sign is not decided on the box nor on the half-open box off its face");
    }

    /// <inheritdoc />
    public static double Estimate(FaceJet<T> x) => T.Estimate(x.Box(0));

    /// <inheritdoc />
    public static bool IsFinite(FaceJet<T> x) => T.IsFinite(x.Box(0));

    /// <inheritdoc />
    public override string ToString() => Box(0).ToString() ?? "";
}
