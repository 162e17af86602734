using Verification.Numerics.Exact;

namespace Verification.Numerics.Arithmetic;

/// <summary>
/// Degree tracking for exact proofs of identities (issue "Theorem checking"): a statement's own generic code, run in this
/// arithmetic over a proof box, yields for every value v bounds on the degrees of a numerator P and a denominator Q with
/// v = P/Q, in each proof coordinate x_k separately. Invariant (by induction over the operations): for every point x of the
/// box at which no divisor evaluated so far vanishes, Q(x) ≠ 0 and v(x) = P(x)/Q(x), with deg_{x_k} P ≤ <see cref="NumeratorDegree"/>
/// and deg_{x_k} Q ≤ <see cref="DenominatorDegree"/>:
/// an input x_k is x_k/1 (degrees e_k and 0), a constant c/1 (0 and 0); a/b ± c/d = (ad ± cb)/(bd);
/// (a/b)(c/d) = ac/(bd); (a/b)/(c/d) = ad/(bc), where c(x) ≠ 0 because c(x) = (c/d)(x)·d(x) with the divisor c/d non-zero
/// at x and d(x) ≠ 0 (this is why the new denominator does not vanish).
/// <para>
/// Branches: every value also carries its enclosure over the whole proof box (<see cref="Box"/>, exact rational intervals:
/// inputs are read as their tagged boxes, <see cref="EnclosureSettings.UseTags"/>), and every comparison, sign, |x|, max
/// and min is decided by it; where the enclosure cannot decide, <see cref="UndecidedException"/> is thrown, so the path
/// the code takes is the same at every point of the box (each point's value lies in each enclosure). √, exp, log, erf,
/// erfc and π are not rational: their results, and every value computed from them, are marked
/// (<see cref="NotRational"/>); a decision on a marked value throws <see cref="NotRationalException"/>, and a relation
/// side that is marked makes the identity method not apply. A marked value that neither side nor any branch uses (e.g.
/// the value of log b beside its derivatives in a jet) does not matter. A division by a value whose enclosure
/// contains 0 is recorded (<see cref="Session.DivisorMayVanishOnBox"/>): the value's enclosure is then unknown, and any
/// later decision on it is undecided.
/// </para>
/// <para>
/// Regions: optionally, every value also carries its range over a declared region (an unbounded product of intervals,
/// e.g. m &gt; 0, η² ≥ 0, in <see cref="RegionInterval"/>); every decision must also be decided, the same way, on the
/// region, and every divisor's range must exclude 0, or <see cref="Session.RegionFailure"/> says which was not. Where
/// none failed, the code takes the same path at every point of the region as on the box, and no divisor vanishes there.
/// A hypothesis's comparison or sign (<see cref="HypothesisScope"/>) may be undecided on the region (not one decided the
/// other way): then that holds at every point of the region that meets the hypotheses.
/// </para>
/// </summary>
public readonly struct RationalDegree : IReal<RationalDegree>
{
    private readonly RationalInterval? _box;
    private readonly RegionInterval _region;
    private readonly int[]? _numerator;
    private readonly int[]? _denominator;
    private readonly string? _notRational;

    private RationalDegree(RationalInterval? box, RegionInterval region, int[]? numerator, int[]? denominator, string? notRational = null)
    {
        _box = box;
        _region = region;
        _numerator = numerator;
        _denominator = denominator;
        _notRational = notRational;
    }

    /// <summary>Null for a rational function of the coordinates; else the non-rational operation it was computed from.</summary>
    public string? NotRational => _notRational;

    private static RationalDegree Marked(string operation) =>
        new(null, RegionInterval.Everything, null, null, operation + " is not a rational operation");

    private static string? Either(RationalDegree a, RationalDegree b) => a._notRational ?? b._notRational;

    /// <summary>The enclosure over the proof box; null after a division by a value that may vanish on the box.</summary>
    public RationalInterval? Box => _box;

    /// <summary>The range over the declared region (ℝ where none is declared).</summary>
    public RegionInterval Region => _region;

    /// <summary>The bound on the numerator's degree in proof coordinate k.</summary>
    public int NumeratorDegree(int k) => _numerator is { } n && k < n.Length ? n[k] : 0;

    /// <summary>The bound on the denominator's degree in proof coordinate k.</summary>
    public int DenominatorDegree(int k) => _denominator is { } d && k < d.Length ? d[k] : 0;

    /// <summary>
    /// The bound on deg_{x_k} of the numerator N of lhs − rhs = N/(Q_lhs·Q_rhs), N = P_lhs·Q_rhs − P_rhs·Q_lhs.
    /// </summary>
    public static int DifferenceDegree(RationalDegree lhs, RationalDegree rhs, int k) =>
        Math.Max(lhs.NumeratorDegree(k) + rhs.DenominatorDegree(k), rhs.NumeratorDegree(k) + lhs.DenominatorDegree(k));

    [ThreadStatic]
    private static Session? _session;

    /// <summary>
    /// Starts degree tracking on this thread until the returned session is disposed; <paramref name="region"/> gives each
    /// proof coordinate's range over the declared region (null: no region).
    /// </summary>
    public static Session Track(IReadOnlyList<RegionInterval>? region)
    {
        var session = new Session(_session, region);
        _session = session;
        return session;
    }

    /// <summary>What one evaluation found beyond the degrees: a divisor that may vanish, a decision the region does not share.</summary>
    public sealed class Session : IDisposable
    {
        private readonly Session? _previous;

        internal Session(Session? previous, IReadOnlyList<RegionInterval>? region)
        {
            _previous = previous;
            Region = region;
        }

        internal IReadOnlyList<RegionInterval>? Region { get; }

        /// <summary>True when some divisor's enclosure over the box contains 0 (the proof then excludes its zero set).</summary>
        public bool DivisorMayVanishOnBox { get; internal set; }

        /// <summary>Null, or the first decision or divisor the declared region did not decide.</summary>
        public string? RegionFailure { get; private set; }

        internal void FailRegion(string what) => RegionFailure ??= what;

        /// <summary>True when a hypothesis (<see cref="HypothesisScope"/>) was not decided on the region: the region's points that fail it are outside the claim.</summary>
        public bool HypothesisUndecidedOnRegion { get; private set; }

        /// <summary>
        /// Passes a decision the region leaves undecided when it checks a hypothesis (recorded), else fails the region
        /// with <paramref name="what"/>; a decision the region makes differently from the box always fails it.
        /// </summary>
        internal void RegionDiffers(bool regionUndecided, string what)
        {
            if (regionUndecided && HypothesisScope.IsActive)
                HypothesisUndecidedOnRegion = true;
            else
                FailRegion(what);
        }

        /// <inheritdoc />
        public void Dispose() => _session = _previous;
    }

    private static int Width(RationalDegree a, RationalDegree b) =>
        Math.Max(Math.Max(a._numerator?.Length ?? 0, a._denominator?.Length ?? 0), Math.Max(b._numerator?.Length ?? 0, b._denominator?.Length ?? 0));

    private static int[]? Combine(int n, Func<int, int> degree)
    {
        if (n == 0)
            return null;
        var d = new int[n];
        for (int k = 0; k < n; k++)
            d[k] = checked(degree(k));
        return d;
    }

    private static RationalDegree Constant(RationalInterval value) =>
        new(value, value.Lower == value.Upper ? RegionInterval.Point(value.Lower) : RegionInterval.Everything, null, null);

    /// <inheritdoc />
    public static implicit operator RationalDegree(int value) => Constant(value);

    /// <inheritdoc />
    public static bool IsRigorous => true;

    /// <summary>π is not rational: throws <see cref="NotRationalException"/>.</summary>
    public static RationalDegree Pi => Marked("π");

    /// <summary>(ad ± cb)/(bd): numerator degree max(n_a + d_b, n_b + d_a), denominator d_a + d_b.</summary>
    private static RationalDegree Sum(RationalDegree a, RationalDegree b, RationalInterval? box, RegionInterval region)
    {
        int n = Width(a, b);
        return new(box, region,
            Combine(n, k => Math.Max(a.NumeratorDegree(k) + b.DenominatorDegree(k), b.NumeratorDegree(k) + a.DenominatorDegree(k))),
            Combine(n, k => a.DenominatorDegree(k) + b.DenominatorDegree(k)), Either(a, b));
    }

    /// <inheritdoc />
    public static RationalDegree operator +(RationalDegree a, RationalDegree b) =>
        Sum(a, b, a._box is { } x && b._box is { } y ? x + y : null, a._region + b._region);

    /// <inheritdoc />
    public static RationalDegree operator -(RationalDegree a, RationalDegree b) =>
        Sum(a, b, a._box is { } x && b._box is { } y ? x - y : null, a._region - b._region);

    /// <inheritdoc />
    public static RationalDegree operator -(RationalDegree a) => new(a._box is { } x ? -x : null, -a._region, a._numerator, a._denominator, a._notRational);

    /// <inheritdoc />
    public static RationalDegree operator *(RationalDegree a, RationalDegree b)
    {
        int n = Width(a, b);
        return new(a._box is { } x && b._box is { } y ? x * y : null, a._region * b._region,
            Combine(n, k => a.NumeratorDegree(k) + b.NumeratorDegree(k)),
            Combine(n, k => a.DenominatorDegree(k) + b.DenominatorDegree(k)), Either(a, b));
    }

    /// <summary>
    /// a/b = (P_a Q_b)/(Q_a P_b). A divisor exactly 0 on the box throws <see cref="DivideByZeroException"/>; one whose
    /// enclosure contains 0 is recorded and makes the quotient's enclosure unknown; one whose region range contains 0 fails
    /// the region.
    /// </summary>
    public static RationalDegree operator /(RationalDegree a, RationalDegree b)
    {
        if (Either(a, b) is { } marked)
            return new(null, RegionInterval.Everything, null, null, marked);
        RationalInterval? box = null;
        if (b._box is { } y)
        {
            if (y.IsExactlyZero)
                throw new DivideByZeroException("a divisor is exactly 0 on the whole box.");
            if (y.Lower.Sign() > 0 || y.Upper.Sign() < 0)
                box = a._box is { } x ? x / y : null;
            else
                MarkDivisorMayVanish();
        }
        else
            MarkDivisorMayVanish();
        var reciprocal = b._region.Reciprocal();
        if (reciprocal is null)
            _session?.FailRegion($"a divisor ranges over {b._region} on the region, which contains 0");
        int n = Width(a, b);
        return new(box, reciprocal is { } r ? a._region * r : RegionInterval.Everything,
            Combine(n, k => a.NumeratorDegree(k) + b.DenominatorDegree(k)),
            Combine(n, k => a.DenominatorDegree(k) + b.NumeratorDegree(k)));
    }

    private static void MarkDivisorMayVanish()
    {
        if (_session is { } s)
            s.DivisorMayVanishOnBox = true;
    }

    private static RationalInterval Known(RationalDegree x, string what) =>
        x._notRational is { } operation
            ? throw new NotRationalException($"{what} of a value computed by a non-rational operation ({operation})", new UndecidedException(operation))
            : x._box ?? throw new UndecidedException($"{what} of a value whose divisor may vanish on the box is not decided.");

    /// <summary>
    /// The box decides; the region must decide the same way, or the region fails. A hypothesis's comparison
    /// (<see cref="HypothesisScope"/>) may be undecided on the region: the points that fail it are outside the claim, the
    /// others pass it as the box does. One the region decides the other way still fails it.
    /// </summary>
    private static bool Decide(bool onBox, bool? onRegion, RationalDegree a, string op, RationalDegree b)
    {
        if (onRegion != onBox)
            _session?.RegionDiffers(onRegion is null, $"the comparison {a._region} {op} {b._region} is not decided on the region");
        return onBox;
    }

    /// <inheritdoc />
    public static bool operator <(RationalDegree a, RationalDegree b) =>
        Decide(Known(a, "a comparison") < Known(b, "a comparison"), RegionInterval.Less(a._region, b._region), a, "<", b);

    /// <inheritdoc />
    public static bool operator >(RationalDegree a, RationalDegree b) => b < a;

    /// <inheritdoc />
    public static bool operator <=(RationalDegree a, RationalDegree b) =>
        Decide(Known(a, "a comparison") <= Known(b, "a comparison"), RegionInterval.LessOrEqual(a._region, b._region), a, "≤", b);

    /// <inheritdoc />
    public static bool operator >=(RationalDegree a, RationalDegree b) => b <= a;

    /// <inheritdoc />
    public static RationalDegree Of(double value) => Constant(RationalInterval.Exact(value));

    /// <inheritdoc />
    public static RationalDegree Ratio(long numerator, long denominator) => Constant(RationalInterval.Ratio(numerator, denominator));

    /// <inheritdoc />
    public static RationalDegree Rational(Fractions.Fraction value) => Constant(RationalInterval.Exact(value));

    /// <summary>
    /// A tagged input is the variable x_k (numerator degree 1 in coordinate k) with its box and its region range; an
    /// untagged one is a constant of the statement's data.
    /// </summary>
    public static RationalDegree Input(double value)
    {
        var box = RationalInterval.Input(value);
        if (EnclosureSettings.TagIndex(value) is not { } k)
            return Constant(box);
        int n = EnclosureSettings.TagCount;
        var numerator = new int[n];
        numerator[k] = 1;
        var region = _session?.Region is { } r && k < r.Count ? r[k] : RegionInterval.Everything;
        return new(box, region, numerator, new int[n]);
    }

    /// <inheritdoc />
    public static RationalDegree Sqrt(RationalDegree x) => Marked("√");

    /// <inheritdoc />
    public static RationalDegree Exp(RationalDegree x) => Marked("exp");

    /// <inheritdoc />
    public static RationalDegree Log(RationalDegree x) => Marked("log");

    /// <inheritdoc />
    public static RationalDegree Erf(RationalDegree x) => Marked("erf");

    /// <inheritdoc />
    public static RationalDegree Erfc(RationalDegree x) => Marked("erfc");

    /// <summary>
    /// |x| = x where x ≥ 0 on the whole box (and on the region), −x where x ≤ 0 (the sign decided by the box; on the region
    /// x ≥ 0 suffices, 0 included, since |0| = 0 either way), else undecided.
    /// </summary>
    public static RationalDegree Abs(RationalDegree x)
    {
        int onBox = RationalInterval.Sign(Known(x, "|x|"));
        var zero = RegionInterval.Point(Fractions.Fraction.Zero);
        bool? onRegion = onBox >= 0 ? RegionInterval.LessOrEqual(zero, x._region) : RegionInterval.LessOrEqual(x._region, zero);
        if (onRegion != true)
            _session?.FailRegion($"|x| of a value ranging over {x._region} is not one branch on the region");
        return onBox >= 0 ? x : -x;
    }

    /// <summary>max(a, b) by the decided comparison a ≥ b.</summary>
    public static RationalDegree Max(RationalDegree a, RationalDegree b) => a >= b ? a : b;

    /// <summary>min(a, b) by the decided comparison a ≤ b.</summary>
    public static RationalDegree Min(RationalDegree a, RationalDegree b) => a <= b ? a : b;

    /// <inheritdoc />
    public static int Sign(RationalDegree x)
    {
        int onBox = RationalInterval.Sign(Known(x, "the sign"));
        var onRegion = x._region.Sign();
        if (onRegion != onBox)
            _session?.RegionDiffers(onRegion is null, $"the sign of a value ranging over {x._region} is not decided on the region");
        return onBox;
    }

    /// <summary>The value of a constant; a value that varies over the box has no single double (not rational data).</summary>
    public static double Estimate(RationalDegree x) =>
        x._notRational is null && x._box is { } b && b.Lower == b.Upper && x._numerator is null && x._denominator is null
            ? b.Midpoint
            : throw new NotRationalException("a double estimate of a value that varies over the box");

    /// <inheritdoc />
    public static bool IsFinite(RationalDegree x) => true;
}

/// <summary>An operation that is not rational (√, exp, log, erf, π, …): the exact identity method does not apply.</summary>
public sealed class NotRationalException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public NotRationalException()
    {
    }

    /// <summary>Creates the exception naming the operation.</summary>
    public NotRationalException(string operation) : base(operation + " is not a rational operation")
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public NotRationalException(string message, Exception inner) : base(message, inner)
    {
    }
}
