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
/// Square roots (one radicand): the first √ of the run whose radicand D is a rational function that is non-negative on
/// the box becomes the symbol r = √D, and every value is a + b·r in Q(x)[r]/(r² − D), with degree bounds for a and b
/// separately (<see cref="RootNumeratorDegree"/>, <see cref="RootDenominatorDegree"/>; b ≡ 0 unless
/// <see cref="HasRoot"/>): (a₁ + b₁r)(a₂ + b₂r) = (a₁a₂ + b₁b₂D) + (a₁b₂ + a₂b₁)r, so D's degrees enter the products
/// (<see cref="Session.RadicandNumeratorDegree"/>), and (a₁ + b₁r)/(a₂ + b₂r) = (a₁ + b₁r)(a₂ − b₂r)/(a₂² − b₂²D), a
/// division of both parts by the norm a₂² − b₂²D. The formal value equals the code's value at every point where no
/// formal denominator (of a, of b, or a norm) vanishes. A later √ is taken as the same r only with an obligation: its
/// radicand D′ must equal D as a rational function, and the numerator degrees of D′ − D are recorded
/// (<see cref="Session.RadicandDifferenceDegree"/>) for the identity method to check on its grid. √ of a value with
/// b ≢ 0 (a nested root), or of a radicand whose enclosure over the box has negative points, is not tracked: it is marked
/// like exp below; a radicand whose range over the region has negative points fails the region. A √ declared |w| or
/// |w|·r (<see cref="Session.DeclareRoots"/>) records the obligation x ≡ w² or x ≡ D·w² instead, and is enclosed as |w|
/// or |w| times r's enclosures (x ≥ 0 follows from the obligation, whatever x's own enclosures say).
/// </para>
/// <para>
/// Branches: every value also carries its enclosure over the whole proof box (<see cref="Box"/>, exact rational intervals:
/// inputs are read as their tagged boxes, <see cref="EnclosureSettings.UseTags"/>), and every comparison, sign, |x|, max
/// and min is decided by it; where the enclosure cannot decide, <see cref="UndecidedException"/> is thrown, so the path
/// the code takes is the same at every point of the box (each point's value lies in each enclosure). The enclosures are
/// those of the code's own values (√ enclosed outward from its radicand's enclosure), not of the formal parts. exp, log,
/// erf, erfc and π (and √ where it is not tracked, above) are not rational: their results, and every value computed from
/// them, are marked
/// (<see cref="NotRational"/>); a decision on a marked value throws <see cref="NotRationalException"/>, and a relation
/// side that is marked makes the identity method not apply. A marked value that neither side nor any branch uses (e.g.
/// the value of log b beside its derivatives in a jet) does not matter. A division by a value whose enclosure
/// contains 0 is recorded (<see cref="Session.DivisorMayVanishOnBox"/>): the value's enclosure is then unknown, and any
/// later decision on it is undecided. max and min whose comparison the box does not decide return a marked value that
/// keeps valid enclosures (the larger, resp. smaller, of every pair): a decision on it uses them like any other (it is
/// one path at every point), but a side that uses it is not a rational function the method knows.
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
    private readonly Part? _value;
    private readonly Part? _root;
    private readonly string? _notRational;

    private RationalDegree(RationalInterval? box, RegionInterval region, Part? value, Part? root, string? notRational = null)
    {
        _box = box;
        _region = region;
        _value = value;
        _root = root;
        _notRational = notRational;
    }

    /// <summary>Degree bounds of one rational function P/Q: per coordinate, deg P and deg Q (null arrays: all 0).</summary>
    internal readonly record struct Part(int[]? Numerator, int[]? Denominator)
    {
        public int N(int k) => Numerator is { } n && k < n.Length ? n[k] : 0;

        public int D(int k) => Denominator is { } d && k < d.Length ? d[k] : 0;

        public int Width => Math.Max(Numerator?.Length ?? 0, Denominator?.Length ?? 0);

        /// <summary>(ad ± cb)/(bd): numerator degree max(n_a + d_b, n_b + d_a), denominator d_a + d_b.</summary>
        public static Part Sum(Part a, Part b)
        {
            int n = Math.Max(a.Width, b.Width);
            return new(Combine(n, k => checked(Math.Max(a.N(k) + b.D(k), b.N(k) + a.D(k)))), Combine(n, k => checked(a.D(k) + b.D(k))));
        }

        /// <summary>(a/b)(c/d) = ac/(bd).</summary>
        public static Part Product(Part a, Part b)
        {
            int n = Math.Max(a.Width, b.Width);
            return new(Combine(n, k => checked(a.N(k) + b.N(k))), Combine(n, k => checked(a.D(k) + b.D(k))));
        }

        /// <summary>(a/b)/(c/d) = ad/(bc).</summary>
        public static Part Quotient(Part a, Part b)
        {
            int n = Math.Max(a.Width, b.Width);
            return new(Combine(n, k => checked(a.N(k) + b.D(k))), Combine(n, k => checked(a.D(k) + b.N(k))));
        }

        /// <summary>The bound on deg_{x_k} of the numerator of a − b (null: identically 0).</summary>
        public static int Difference(Part? a, Part? b, int k)
        {
            var (x, y) = (a ?? default, b ?? default);
            return Math.Max(x.N(k) + y.D(k), y.N(k) + x.D(k));
        }
    }

    /// <summary>a + b, where null is a part that is identically 0 by construction (e.g. the rational part of r).</summary>
    private static Part? Add(Part? a, Part? b) => a is not { } x ? b : b is not { } y ? a : Part.Sum(x, y);

    /// <summary>a·b (null: identically 0).</summary>
    private static Part? Mul(Part? a, Part? b) => a is { } x && b is { } y ? Part.Product(x, y) : null;

    /// <summary>a/b (null: identically 0).</summary>
    private static Part? Div(Part? a, Part b) => a is { } x ? Part.Quotient(x, b) : null;

    /// <summary>Null for a rational function of the coordinates (and r); else the operation it was computed from.</summary>
    public string? NotRational => _notRational;

    private static RationalDegree Marked(string operation) =>
        new(null, RegionInterval.Everything, default, null, operation + " is not a rational operation");

    private static string? Either(RationalDegree a, RationalDegree b) => a._notRational ?? b._notRational;

    /// <summary>The enclosure over the proof box; null after a division by a value that may vanish on the box.</summary>
    public RationalInterval? Box => _box;

    /// <summary>The range over the declared region (ℝ where none is declared).</summary>
    public RegionInterval Region => _region;

    /// <summary>The bound on the numerator's degree in proof coordinate k (of the rational part a of a + b·r).</summary>
    public int NumeratorDegree(int k) => _value?.N(k) ?? 0;

    /// <summary>The bound on the denominator's degree in proof coordinate k (of the rational part a of a + b·r).</summary>
    public int DenominatorDegree(int k) => _value?.D(k) ?? 0;

    /// <summary>True when the value may involve r = √D (b is not identically 0 by construction).</summary>
    public bool HasRoot => _root is not null;

    /// <summary>The bound on the degree in proof coordinate k of the numerator of b in a + b·r (0 where b ≡ 0).</summary>
    public int RootNumeratorDegree(int k) => _root is { } b ? b.N(k) : 0;

    /// <summary>The bound on the degree in proof coordinate k of the denominator of b in a + b·r.</summary>
    public int RootDenominatorDegree(int k) => _root is { } b ? b.D(k) : 0;

    /// <summary>
    /// The bound on deg_{x_k} of the numerator N of lhs − rhs = N/(Q_lhs·Q_rhs), N = P_lhs·Q_rhs − P_rhs·Q_lhs, for the
    /// rational part and (where a side has a root) for the part along r: the larger of the two.
    /// </summary>
    public static int DifferenceDegree(RationalDegree lhs, RationalDegree rhs, int k) =>
        Math.Max(Part.Difference(lhs._value, rhs._value, k), Part.Difference(lhs._root, rhs._root, k));

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
        private int[] _radicandDifference = [];

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

        /// <summary>The radicand D of r = √D (the first tracked √), or null when no √ was tracked.</summary>
        private Part? Radicand { get; set; }

        /// <summary>How many √ were tracked (as r, the first defining D, or by a declared root).</summary>
        public int TrackedRoots { get; private set; }

        /// <summary>How many radicand identities the grid must check (a later radicand ≡ D, or a declared root's x ≡ w² or D·w²).</summary>
        public int Obligations { get; private set; }

        /// <summary>True once a √ defined D.</summary>
        public bool HasRadicand => Radicand is not null;

        private IReadOnlyList<DeclaredRoot?> _declared = [];
        private int _calls;

        /// <summary>
        /// Declares, by the order of the √ calls in the run (every call counts, also one that is marked), which are not the
        /// symbol r: entry i non-null makes call i the declared root |w| or |w|·√D.
        /// </summary>
        public void DeclareRoots(IReadOnlyList<DeclaredRoot?> roots) => _declared = roots ?? throw new ArgumentNullException(nameof(roots));

        internal DeclaredRoot? NextRoot() => _calls < _declared.Count ? _declared[_calls++] : NoDeclaration();

        private DeclaredRoot? NoDeclaration()
        {
            _calls++;
            return null;
        }

        internal void AddObligation(Part? radicand, Part? square)
        {
            TrackedRoots++;
            Obligations++;
            Grow(radicand, square);
        }

        private void Grow(Part? radicand, Part? other)
        {
            int n = Math.Max(Math.Max((radicand ?? default).Width, (other ?? default).Width), _radicandDifference.Length);
            var grown = new int[n];
            for (int k = 0; k < n; k++)
                grown[k] = Math.Max(RadicandDifferenceDegree(k), Part.Difference(radicand, other, k));
            _radicandDifference = grown;
        }

        /// <summary>The bound on the degree in coordinate k of D's numerator.</summary>
        public int RadicandNumeratorDegree(int k) => Radicand is { } d ? d.N(k) : 0;

        /// <summary>The bound on the degree in coordinate k of D's denominator.</summary>
        public int RadicandDenominatorDegree(int k) => Radicand is { } d ? d.D(k) : 0;

        /// <summary>
        /// The bound on deg_{x_k} of the numerator of D′ − D over every later tracked radicand D′, and of x − w² or x − D·w²
        /// over every declared root (0 when there is none): the identity method must show each of them ≡ 0 on a grid of this
        /// size, or those roots are not what they were taken to be.
        /// </summary>
        public int RadicandDifferenceDegree(int k) => k < _radicandDifference.Length ? _radicandDifference[k] : 0;

        internal Part RadicandPart => Radicand ?? throw new InvalidOperationException("a value involves r but no radicand was tracked.");

        /// <summary>r itself (its enclosures over the box and the region), once a √ defined D.</summary>
        internal RationalDegree? Root { get; private set; }

        internal void TrackRoot(Part radicand, RationalDegree root)
        {
            TrackedRoots++;
            if (Radicand is not { } d)
            {
                Radicand = radicand;
                Root = root;
                return;
            }
            Obligations++;
            Grow(radicand, d);
        }

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

    private static int[]? Combine(int n, Func<int, int> degree)
    {
        if (n == 0)
            return null;
        var d = new int[n];
        for (int k = 0; k < n; k++)
            d[k] = degree(k); // each degree sum is checked in its own lambda (checked here would not reach into it)
        return d;
    }

    private static RationalDegree Constant(RationalInterval value) =>
        new(value, value.Lower == value.Upper ? RegionInterval.Point(value.Lower) : RegionInterval.Everything, default(Part), null);

    /// <inheritdoc />
    public static implicit operator RationalDegree(int value) => Constant(value);

    /// <inheritdoc />
    public static bool IsRigorous => true;

    /// <summary>π is not rational: throws <see cref="NotRationalException"/>.</summary>
    public static RationalDegree Pi => Marked("π");

    /// <summary>(a₁ + b₁r) ± (a₂ + b₂r) = (a₁ ± a₂) + (b₁ ± b₂)r; each part by <see cref="Part.Sum"/>.</summary>
    private static RationalDegree Sum(RationalDegree a, RationalDegree b, RationalInterval? box, RegionInterval region) =>
        new(box, region, Add(a._value, b._value), Add(a._root, b._root), Either(a, b));

    /// <inheritdoc />
    public static RationalDegree operator +(RationalDegree a, RationalDegree b) =>
        Sum(a, b, a._box is { } x && b._box is { } y ? x + y : null, a._region + b._region);

    /// <inheritdoc />
    public static RationalDegree operator -(RationalDegree a, RationalDegree b) =>
        Sum(a, b, a._box is { } x && b._box is { } y ? x - y : null, a._region - b._region);

    /// <inheritdoc />
    public static RationalDegree operator -(RationalDegree a) => new(a._box is { } x ? -x : null, -a._region, a._value, a._root, a._notRational);

    /// <summary>(a₁ + b₁r)(a₂ + b₂r) = (a₁a₂ + b₁b₂D) + (a₁b₂ + a₂b₁)r.</summary>
    public static RationalDegree operator *(RationalDegree a, RationalDegree b)
    {
        var value = Mul(a._value, b._value);
        if (a._root is not null && b._root is not null)
            value = Add(value, Mul(Mul(a._root, b._root), RadicandOfSession()));
        var root = Add(Mul(a._value, b._root), Mul(b._value, a._root));
        return new(a._box is { } x && b._box is { } y ? x * y : null, a._region * b._region, value, root, Either(a, b));
    }

    private static Part RadicandOfSession() =>
        _session?.RadicandPart ?? throw new InvalidOperationException("a value involves r outside the session that tracked its radicand.");

    /// <summary>
    /// a/b. Where b has no root, (a₁ + b₁r)/a₂ part by part; else (a₁ + b₁r)(a₂ − b₂r)/N with the norm N = a₂² − b₂²D. A
    /// divisor exactly 0 on the box throws <see cref="DivideByZeroException"/>; one whose enclosure (of the code's value
    /// a₂ + b₂√D, not of the norm) contains 0 is recorded and makes the quotient's enclosure unknown; one whose region
    /// range contains 0 fails the region. The norm itself may vanish where the divisor does not (e.g. 1 + √(1 + y) has
    /// norm −y): the identity method handles that point set by continuity, not here.
    /// </summary>
    public static RationalDegree operator /(RationalDegree a, RationalDegree b)
    {
        if (Either(a, b) is { } marked)
            return new(null, RegionInterval.Everything, default, null, marked);
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
        var region = reciprocal is { } r ? a._region * r : RegionInterval.Everything;
        if (b._root is null)
        {
            var divisor = b._value ?? default;
            return new(box, region, Div(a._value, divisor), Div(a._root, divisor));
        }
        var d = RadicandOfSession();
        var norm = Add(Mul(b._value, b._value), Mul(Mul(b._root, b._root), d))!.Value;
        var value = Add(Mul(a._value, b._value), Mul(Mul(a._root, b._root), d));
        var root = Add(Mul(a._root, b._value), Mul(a._value, b._root));
        return new(box, region, Div(value, norm), Div(root, norm));
    }

    private static void MarkDivisorMayVanish()
    {
        if (_session is { } s)
            s.DivisorMayVanishOnBox = true;
    }

    private static RationalInterval Known(RationalDegree x, string what) =>
        x._box ?? (x._notRational is { } operation
            ? throw new NotRationalException($"{what} of a value computed by a non-rational operation ({operation})", new UndecidedException(operation))
            : throw new UndecidedException($"{what} of a value whose divisor may vanish on the box is not decided."));

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
        return new(box, region, new Part(numerator, new int[n]), null);
    }

    /// <summary>
    /// √x. Call i of the session with a declared root (<see cref="Session.DeclareRoots"/>) is |w| (x ≡ w² recorded as an
    /// obligation) or |w|·r (x ≡ D·w²), the sign of w decided on the box and the region. Otherwise √x is the symbol r
    /// (value 0 + 1·r): x must have no root part (else a nested root, marked), an enclosure over the box with no negative
    /// point (else marked: the method does not apply where a side uses it), and a range over the region with no negative
    /// point (else the region fails). The first such √ defines D = x; a later one records the obligation x ≡ D
    /// (<see cref="Session.RadicandDifferenceDegree"/>). The enclosures are √ of x's, outward.
    /// </summary>
    public static RationalDegree Sqrt(RationalDegree x)
    {
        if (_session is not { } session)
            return Marked("√ outside a degree-tracking session");
        var declared = session.NextRoot();
        if (x._notRational is not null)
            return new(null, RegionInterval.Everything, default, null, x._notRational);
        if (x._root is not null)
            return Marked("√ of a value that involves a square root (a nested root)");
        if (declared is { } w)
            return DeclaredSqrt(session, x, w);
        if (x._box is not { } box || box.Lower.Sign() < 0)
            return Marked($"√ of a radicand whose enclosure over the box ({(x._box is { } b ? b.ToString() : "unknown")}) is not non-negative");
        int bits = EnclosureSettings.Bits;
        var region = x._region.Sqrt(bits);
        if (region is null)
            session.FailRegion($"√ of a radicand ranging over {x._region} on the region, which has negative points");
        var root = new RationalDegree(box.Sqrt(bits), region ?? RegionInterval.Everything, null, default(Part));
        session.TrackRoot(x._value ?? default(Part), root);
        return root;
    }

    /// <summary>
    /// A declared √x: |w| with the obligation x ≡ w², or |w|·r with x ≡ D·w². The radicand's own enclosures are not used
    /// (they may straddle 0 by dependency, as 1 + (v − m²)/m² does): where the obligation holds, x = w² or D·w² is
    /// non-negative, and the value is enclosed as |w|, or |w| times r's enclosures.
    /// </summary>
    private static RationalDegree DeclaredSqrt(Session session, RationalDegree x, DeclaredRoot w)
    {
        if (w.Factor._notRational is not null || w.Factor._root is not null)
            return Marked("√ with a declared factor that is not a rational function");
        var factor = Sign(w.Factor) < 0 ? -w.Factor : w.Factor;
        if (!w.TimesRoot)
        {
            session.AddObligation(x._value, Mul(w.Factor._value, w.Factor._value));
            return factor;
        }
        if (session.Root is not { } r)
            return Marked("√ declared a multiple of √D before any √D");
        session.AddObligation(x._value, Mul(session.RadicandPart, Mul(w.Factor._value, w.Factor._value)));
        return new(factor._box is { } fb && r._box is { } rb ? fb * rb : null, factor._region * r._region, null, factor._value ?? default(Part));
    }

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

    /// <summary>
    /// max(a, b) by the comparison a ≥ b where the box decides it (and the region the same way); where the box does not, a
    /// marked value (not a rational function the method knows) with the valid enclosures max of every pair.
    /// </summary>
    public static RationalDegree Max(RationalDegree a, RationalDegree b) =>
        Ordered(a, b) is { } aAtLeastB ? (aAtLeastB ? a : b) : Opaque(RationalInterval.Max(a._box!.Value, b._box!.Value), RegionInterval.Max(a._region, b._region), "max", a, b);

    /// <summary>min(a, b) by the comparison a ≤ b, like <see cref="Max"/>.</summary>
    public static RationalDegree Min(RationalDegree a, RationalDegree b) =>
        Ordered(a, b) is { } aAtLeastB ? (aAtLeastB ? b : a) : Opaque(RationalInterval.Min(a._box!.Value, b._box!.Value), RegionInterval.Min(a._region, b._region), "min", a, b);

    /// <summary>a ≥ b decided (box, then region, as any comparison); null when both enclosures are known and overlap.</summary>
    private static bool? Ordered(RationalDegree a, RationalDegree b)
    {
        if (a._box is { } x && b._box is { } y && !(y.Upper <= x.Lower) && !(y.Lower > x.Upper))
            return null;
        return a >= b;
    }

    private static RationalDegree Opaque(RationalInterval box, RegionInterval region, string op, RationalDegree a, RationalDegree b) =>
        new(box, region, default, null, Either(a, b) ?? $"{op} of two values whose order the box does not decide");

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
        x._notRational is null && x._root is null && x._box is { } b && b.Lower == b.Upper && (x._value?.Width ?? 0) == 0
            ? b.Midpoint
            : throw new NotRationalException("a double estimate of a value that varies over the box");

    /// <inheritdoc />
    public static bool IsFinite(RationalDegree x) => true;
}

/// <summary>
/// A √ call declared rational or a rational multiple of r (e.g. √(λ²) = |λ| where the statement's radicand is λ² on a
/// slice, or √(D/λ²) = |1/λ|·√D): <see cref="Factor"/> is w, and the call is |w| (radicand ≡ w²) or, with
/// <see cref="TimesRoot"/>, |w|·√D (radicand ≡ D·w²). Both identities are checked on the identity method's grid.
/// </summary>
/// <param name="Factor">w, a rational function of the proof coordinates.</param>
/// <param name="TimesRoot">True for |w|·√D, false for |w|.</param>
public readonly record struct DeclaredRoot(RationalDegree Factor, bool TimesRoot);

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
