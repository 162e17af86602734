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
/// A jet of expansion order 0 claims only that g lies in Box₀ on the box (Taylor's formula of order 0), which needs no
/// smoothness; it is how erf and erfc of a value with a pole at the face (an essential singularity) and |x| of undecided
/// sign are enclosed, and every operation with it is of order 0.
/// </remarks>
public readonly struct FaceJet<T> : IReal<FaceJet<T>> where T : IReal<T>
{
    [ThreadStatic]
    private static Context? _context;

    private sealed record Context(int Coordinate, double FaceValue, int Side, int Order, T Range);

    private readonly T[]? _face;
    private readonly T[]? _box;
    private readonly T _constant;
    private readonly int _valuation;

    private FaceJet(T[] face, T[] box, int valuation = 0)
    {
        _face = face;
        _box = box;
        _constant = face[0];
        _valuation = valuation;
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

    /// <summary>
    /// The coefficient g⁽ʲ⁾(0)/j! at the face, j ≤ <see cref="ExpansionOrder"/>, of the analytic factor g of
    /// f = t^<see cref="Valuation"/>·g (g = f where the valuation is 0).
    /// </summary>
    public T Face(int j) => _face is { } f ? f[j] : j == 0 ? _constant : T.Of(0);

    /// <summary>The coefficient g⁽ʲ⁾/j! enclosed over the whole box, j ≤ <see cref="ExpansionOrder"/> (g as in <see cref="Face"/>).</summary>
    public T Box(int j) => _box is { } b ? b[j] : j == 0 ? _constant : T.Of(0);

    /// <summary>
    /// The power v of t factored out: f(t) = t^v·g(t) on the half-open box t ∈ (0, w], with g analytic on the closed box.
    /// Negative at a pole on the face (a division by a value that vanishes there, or an input mapped to ∞ there), positive
    /// at a zero of known order; 0 for an ordinary expansion.
    /// </summary>
    public int Valuation => _valuation;

    /// <summary>
    /// The order M of the expansion of g: f(t) ∈ t^v·(Face₀ + … + Face_(M−1)t^(M−1) + Box_M t^M) for t ∈ (0, w]. It is the
    /// order of <see cref="Use"/> less one for each factor t divided out of a value that vanishes on the face, or 0 for an
    /// enclosure without Taylor coefficients (erf and erfc at a pole, |x| of undecided sign: see <see cref="Abs"/>).
    /// </summary>
    public int ExpansionOrder => _face is { } f ? f.Length - 1 : N;

    /// <summary>
    /// The enclosure of f at a point t ∈ (0, w] of the half-open box (t given as an exact value or interval inside (0, w]):
    /// t^v·(Face₀ + Face₁t + … + Face_(M−1)t^(M−1) + Box_M t^M), by Taylor's theorem with Lagrange's remainder.
    /// </summary>
    /// <exception cref="ArgumentException">t is not positive (the factor t^v is undefined at t = 0 for v &lt; 0).</exception>
    public T At(T t)
    {
        if (Decided(() => T.Sign(t) > 0) is not true)
            throw new ArgumentException($"t must be > 0, got {t}.", nameof(t));
        int m = ExpansionOrder;
        var g = Box(m);
        for (int j = m - 1; j >= 0; j--)
            g = Face(j) + t * g;
        for (int i = 0; i < Math.Abs(_valuation); i++)
            g = _valuation > 0 ? g * t : g / t;
        return g;
    }

    private bool IsConstant => _face is null;

    private static T[] Series(FaceJet<T> x, bool face, int order)
    {
        if (!x.IsConstant)
            return (face ? x._face! : x._box!)[..(order + 1)];
        var s = new T[order + 1];
        s[0] = x._constant;
        for (int i = 1; i < s.Length; i++)
            s[i] = T.Of(0);
        return s;
    }

    /// <summary>The smaller expansion order of two values (a constant has every order).</summary>
    private static int CommonOrder(FaceJet<T> a, FaceJet<T> b) => Math.Min(a.IsConstant ? N : a._face!.Length - 1, b.IsConstant ? N : b._face!.Length - 1);

    /// <summary>The series of t itself over the face (0, 1, 0, …) and over the box (t ∈ [0, w], 1, 0, …), to order <paramref name="order"/>.</summary>
    private static (T[] Face, T[] Box) T1(int order)
    {
        var face = new T[order + 1];
        var box = new T[order + 1];
        for (int i = 0; i <= order; i++)
        {
            face[i] = T.Of(i == 1 ? 1 : 0);
            box[i] = i == 0 ? _context!.Range : T.Of(i == 1 ? 1 : 0);
        }
        return (face, box);
    }

    /// <summary>
    /// The value with its factor t^v multiplied into g, to order <paramref name="order"/>, as (face, box) series: t^Δ·g for
    /// Δ = v − <paramref name="valuation"/> ≥ 0 (products by the series of t, which are exact on the face and enclose
    /// (t·g)⁽ʲ⁾/j! = g⁽ʲ⁻¹⁾/(j−1)! + t·g⁽ʲ⁾/j! over the box).
    /// </summary>
    private static (T[] Face, T[] Box) Lowered(FaceJet<T> x, int valuation, int order)
    {
        T[] face = Series(x, true, order), box = Series(x, false, order);
        int shift = (x.IsConstant ? 0 : x._valuation) - valuation;
        if (shift < 0)
            throw new InvalidOperationException("a value can only be written with a lower power of t factored out.");
        if (shift > 0)
        {
            var (tf, tb) = T1(order);
            for (int i = 0; i < shift; i++)
            {
                face = Multiply(face, tf);
                box = Multiply(box, tb);
            }
        }
        return (face, box);
    }

    /// <summary>
    /// The value with every factor t it provably has divided out: while Face₀ is exactly 0 (g vanishes on the whole face),
    /// g = t·b with b⁽ʲ⁾(t)/j! = ∫₀¹ (j+1)sʲ g⁽ʲ⁺¹⁾(st)/(j+1)! ds, so b's face coefficients are g's shifted down by one and
    /// its box coefficients lie in g's (a weighted mean of values in an interval): one order is lost per factor.
    /// </summary>
    private static FaceJet<T> Normalized(FaceJet<T> x)
    {
        if (x.IsConstant)
            return x;
        var face = x._face!;
        var box = x._box!;
        int v = x._valuation;
        while (face.Length > 1 && IsExactlyZero(face[0]))
        {
            face = face[1..];
            box = box[1..];
            v++;
        }
        return new(face, box, v);
    }

    private static FaceJet<T> Map(FaceJet<T> a, FaceJet<T> b, Func<T[], T[], T[]> f, Func<T, T, T> constant)
    {
        if (a.IsConstant && b.IsConstant)
            return new(constant(a._constant, b._constant));
        // Sums: both written with the lower power of t factored out.
        int order = CommonOrder(a, b);
        int v = Math.Min(a.IsConstant ? 0 : a._valuation, b.IsConstant ? 0 : b._valuation);
        var (af, ab) = Lowered(a, v, order);
        var (bf, bb) = Lowered(b, v, order);
        return new(f(af, bf), f(ab, bb), v);
    }

    /// <summary>An analytic function of one value (no pole at the face): g with t^v multiplied in first (v ≥ 0).</summary>
    private static FaceJet<T> Map(FaceJet<T> a, Func<T[], T[]> f, Func<T, T> constant)
    {
        if (a.IsConstant)
            return new(constant(a._constant));
        if (a._valuation < 0)
            throw new UndecidedException("an analytic function of a value with a pole at the face");
        int order = a._face!.Length - 1;
        var (face, box) = Lowered(a, 0, order);
        return new(f(face), f(box));
    }

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
    public static FaceJet<T> operator -(FaceJet<T> a) =>
        a.IsConstant ? new(-a._constant) : new(Negate(a._face!), Negate(a._box!), a._valuation);

    /// <summary>a·b: t^(v+u)·(g·h).</summary>
    public static FaceJet<T> operator *(FaceJet<T> a, FaceJet<T> b)
    {
        if (a.IsConstant || b.IsConstant)
        {
            if (a.IsConstant && b.IsConstant)
                return new(a._constant * b._constant);
            var (c, x) = a.IsConstant ? (a._constant, b) : (b._constant, a);
            return new([.. x._face!.Select(y => c * y)], [.. x._box!.Select(y => c * y)], x._valuation);
        }
        int order = CommonOrder(a, b);
        return new(Multiply(Series(a, true, order), Series(b, true, order)), Multiply(Series(a, false, order), Series(b, false, order)),
            a._valuation + b._valuation);
    }

    /// <summary>
    /// a/b: t^(v−u)·(g/h), with every factor t of b divided out first (<see cref="Normalized"/>), so that a divisor that
    /// vanishes on the face gives a pole there (v − u &lt; 0) instead of a division by an interval containing 0; h must
    /// exclude 0 on the closed box (the recurrence divides by Box₀ and Face₀, and throws else).
    /// </summary>
    public static FaceJet<T> operator /(FaceJet<T> a, FaceJet<T> b)
    {
        if (a.IsConstant && b.IsConstant)
            return new(a._constant / b._constant);
        if (b.IsConstant)
            return new([.. a._face!.Select(y => y / b._constant)], [.. a._box!.Select(y => y / b._constant)], a._valuation);
        var d = Normalized(b);
        var n = a.IsConstant ? a : Normalized(a);
        int order = CommonOrder(n, d);
        return new(Divide(Series(n, true, order), Series(d, true, order)), Divide(Series(n, false, order), Series(d, false, order)),
            (n.IsConstant ? 0 : n._valuation) - d._valuation);
    }

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
        if (TryOpenBracket(x, out var bracket))
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
        catch (UndecidedException e) when (e is not ExactWorkExceededException) // a spent budget is no answer: let it say so
        {
            return null;
        }
    }

    /// <summary>
    /// The bracket B with x(t) = t^j·B(t) on t ∈ [0, w], enclosed over [0, w] by Horner's rule, where Face₀ … Face_(j−1)
    /// are exactly 0: B = Face_j + Face_(j+1)t + … + Box_N t^(N−j). False outside an expansion (for a value type T, a
    /// <c>T?</c> result could not say so: <c>default</c> was the value 0, which decided comparisons that are undecided).
    /// </summary>
    private static bool TryOpenBracket(FaceJet<T> x, out T bracket)
    {
        bracket = default!;
        if (_context is not { } context)
            return false;
        int n = x.ExpansionOrder;
        int j = 0;
        while (j < n && IsExactlyZero(x.Face(j)))
            j++;
        var b = x.Box(n);
        for (int i = n - 1; i >= j; i--)
            b = x.Face(i) + context.Range * b;
        bracket = b;
        return true;
    }

    private static bool IsExactlyZero(T x) => Decided(() => T.Sign(x) == 0) is true;

    /// <inheritdoc />
    public static FaceJet<T> Of(double value) => new(T.Of(value));

    /// <inheritdoc />
    public static FaceJet<T> Ratio(long numerator, long denominator) => new(T.Ratio(numerator, denominator));

    /// <inheritdoc />
    public static FaceJet<T> Rational(Fractions.Fraction value) => new(T.Rational(value));

    /// <summary>
    /// An input: the expansion coordinate is c + s·t at the face and X_k + s·t over the box (at c = 0: t¹·s, valuation 1);
    /// another tagged coordinate is its box (a constant in t); an untagged input is its value. A mapped coordinate
    /// (<see cref="EnclosureSettings.UseMaps"/>) reads as its map of that.
    /// </summary>
    public static FaceJet<T> Input(double value) =>
        EnclosureSettings.Mapped(value, RawInput, out FaceJet<T> mapped) ? mapped : RawInput(value);

    private static FaceJet<T> RawInput(double value)
    {
        var x = T.Input(value);
        if (_context is not { } context || EnclosureSettings.TagIndex(value) != context.Coordinate)
            return new(x);
        if (context.FaceValue == 0)
        {
            // x = s·t = t¹·s exactly, written with its factor t out, so that dividing by x (a pole at the face) costs no order.
            var unit = new T[context.Order + 1];
            for (int i = 0; i < unit.Length; i++)
                unit[i] = T.Of(i == 0 ? context.Side : 0);
            return new(unit, [.. unit], 1);
        }
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
    /// <remarks>
    /// √(t^v·g) = t^(v/2)·√g where v is even once every factor t of the value is divided out (e.g. √(s²) at s = 0, or
    /// √(1 + 1/t²) = √(t² + 1)/t); an odd power (√t) is not analytic and is undecided.
    /// </remarks>
    public static FaceJet<T> Sqrt(FaceJet<T> x)
    {
        if (x.IsConstant)
            return new(T.Sqrt(x._constant));
        var n = Normalized(x);
        if (n._valuation % 2 != 0)
            throw new UndecidedException("√ of a value with an odd power of t at the face is not analytic there");
        return new(SquareRoot(n._face!), SquareRoot(n._box!), n._valuation / 2);
    }

    /// <inheritdoc />
    public static FaceJet<T> Exp(FaceJet<T> x) => Map(x, Exponential, T.Exp);

    /// <inheritdoc />
    public static FaceJet<T> Log(FaceJet<T> x) => Map(x, Logarithm, T.Log);

    /// <inheritdoc />
    /// <remarks>At a pole of x (|x| → ∞ at the face) see <see cref="TailAtPole"/>.</remarks>
    public static FaceJet<T> Erf(FaceJet<T> x) => !x.IsConstant && x._valuation < 0
        ? TailAtPole(x, complement: false)
        : Map(x, a => ErrorFunction(a, complement: false), T.Erf);

    /// <inheritdoc />
    /// <remarks>At a pole of x (|x| → ∞ at the face) see <see cref="TailAtPole"/>.</remarks>
    public static FaceJet<T> Erfc(FaceJet<T> x) => !x.IsConstant && x._valuation < 0
        ? TailAtPole(x, complement: true)
        : Map(x, a => ErrorFunction(a, complement: true), T.Erfc);

    /// <summary>The largest n of the tail bound in <see cref="TailAtPole"/> (n! and |g|^(2n+1) stay small rationals).</summary>
    private const int MaxTailTerms = 16;

    /// <summary>
    /// erf or erfc of x = t^v·g with a pole at the face (v &lt; 0 once every factor t is divided out, g of one sign on the
    /// closed box, so |x| → ∞ as t → 0). There erf and erfc have an essential singularity in t (every Taylor coefficient
    /// of erfc(c/t) at t = 0 is 0, and none of its derivatives has a Laurent expansion), so this is an enclosure, not an
    /// expansion: for y &gt; 0 and every integer n ≥ 0,
    /// <code>0 &lt; erfc(y) ≤ e^(−y²)/(y√π) ≤ n!/(√π·y^(2n+1)),</code>
    /// the first since ∫_y^∞ e^(−s²) ds ≤ ∫_y^∞ (s/y)e^(−s²) ds = e^(−y²)/(2y) (the weaker form of Abramowitz and Stegun
    /// 7.1.13, e^(y²)∫_y^∞ e^(−s²) ds ≤ 1/(y + √(y² + 4/π))), the second since e^(y²) ≥ y^(2n)/n! (one term of its
    /// series). With y = |x| = t^v·|g| and V = (2n + 1)|v| − 1 ≥ 2 this is erfc(|x|) = t^V·h on t ∈ (0, w] with
    /// 0 &lt; h ≤ t·n!/(√π·|g(t)|^(2n+1)) ∈ [0, w]·n!/(√π·|Box₀(g)|^(2n+1)): a jet of expansion order 0 (h enclosed over
    /// the box, no Taylor coefficients; see <see cref="Abs"/> for why order 0 needs no smoothness). Then
    /// erf(x) = sign(g)·(1 − erfc(|x|)) and erfc(x) = 1 − erf(x) (= 2 − erfc(|x|) for g &lt; 0). n ≈ y² minimizes
    /// n!/y^(2n); it is chosen from a double estimate of the smallest |x| on the box, in [1, <see cref="MaxTailTerms"/>]
    /// (every n gives a valid bound: the estimate only affects how tight it is). Undecided where g's sign is not.
    /// </summary>
    private static FaceJet<T> TailAtPole(FaceJet<T> x, bool complement)
    {
        var n = Normalized(x);
        if (n._valuation >= 0)
            return complement ? Erfc(n) : Erf(n);
        int sign = Decided(() => T.Sign(n.Box(0))) ?? 0;
        if (sign == 0)
            throw new UndecidedException("erf of a value with a pole at the face whose sign is not decided on the box");
        var g = sign > 0 ? n.Box(0) : -n.Box(0);
        int pole = -n._valuation;
        int terms = TailTerms(g, pole);
        var factorial = T.Of(1);
        for (int i = 2; i <= terms; i++)
            factorial *= i;
        var power = g;
        for (int i = 0; i < 2 * terms; i++)
            power *= g;
        var h = _context!.Range * factorial / (T.Sqrt(T.Pi) * power);
        var tail = new FaceJet<T>([T.Of(0)], [h], (2 * terms + 1) * pole - 1);
        var erfOfMagnitude = 1 - tail;
        if (complement)
            return sign > 0 ? tail : 2 - tail;
        return sign > 0 ? erfOfMagnitude : -erfOfMagnitude;
    }

    /// <summary>n ≈ y² for the smallest |x| = |g|·t^v on t ∈ (0, w], estimated in doubles (w = twice the range's midpoint).</summary>
    private static int TailTerms(T g, int pole)
    {
        double width = 2 * T.Estimate(_context!.Range);
        double smallest = T.Estimate(g) / Math.Pow(width, pole);
        double squared = smallest * smallest;
        return double.IsNaN(squared) || squared <= 1 ? 1 : (int)Math.Min(MaxTailTerms, Math.Ceiling(squared));
    }

    /// <inheritdoc />
    /// <remarks>
    /// |x| = x where x ≥ 0 on the whole half-open box, −x where x ≤ 0 (both keep the expansion). Where neither is decided,
    /// |x| = t^v·|g| has no single formula, and the result is the jet of expansion order 0 with Face₀ = |g(0)| and
    /// Box₀ = |Box₀(g)|: the enclosure of |g| over the closed box. A jet of order 0 claims only that g lies in Box₀ at every
    /// point of the box (Taylor's formula of order 0 is the enclosure itself, so it needs neither smoothness nor
    /// analyticity), and every operation with it is of order 0 (<see cref="CommonOrder"/>): plain interval evaluation on
    /// the half-open box, which decides what is not tight at the face.
    /// </remarks>
    public static FaceJet<T> Abs(FaceJet<T> x)
    {
        if (x.IsConstant)
            return new(T.Abs(x._constant));
        if (Decided(() => AtMost(-x, strict: false)) is true)
            return x;
        if (Decided(() => AtMost(x, strict: false)) is true)
            return -x;
        return new([T.Abs(x.Face(0))], [T.Abs(x.Box(0))], x._valuation);
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
        if (TryOpenBracket(x, out var bracket) && Decided(() => T.Sign(bracket)) is { } open)
            return open;
        throw new UndecidedException("the sign is not decided on the box nor on the half-open box off its face");
    }

    /// <inheritdoc />
    public static double Estimate(FaceJet<T> x) => x.IsConstant || x._valuation == 0
        ? T.Estimate(x.Box(0))
        : x._valuation > 0 ? T.Estimate(Lowered(x, 0, x._face!.Length - 1).Box[0]) : throw new UndecidedException("a value with a pole at the face has no estimate");

    /// <inheritdoc />
    public static bool IsFinite(FaceJet<T> x) => T.IsFinite(x.Box(0));

    /// <inheritdoc />
    public override string ToString() => _valuation == 0 ? Box(0).ToString() ?? "" : $"t^{_valuation}·{Box(0)}";
}
