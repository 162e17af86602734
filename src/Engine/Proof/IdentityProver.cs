using System.Globalization;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Engine;

/// <summary>
/// Declares that a proof domain is proved by the exact identity method (<see cref="IdentityProver{TInput}"/>) instead of
/// interval branch-and-bound, and optionally the region the identity extends to.
/// </summary>
public sealed record ExactIdentity
{
    /// <summary>
    /// The range of each proof coordinate over a region that contains the box (e.g. m ∈ (0, ∞), η² ∈ [0, ∞)), or null for a
    /// proof on the box only. The identity extends to the region when the statement's code takes the same branches and
    /// no divisor vanishes on all of it (checked); <see cref="ProofDomain{TInput}.CoversStatedDomain"/> then declares that
    /// this region is the stated domain.
    /// </summary>
    public IReadOnlyList<RegionInterval>? Region { get; init; }

    /// <summary>The most exact evaluations the product grid may take (a larger grid stalls).</summary>
    public int MaxEvaluations { get; init; } = 20_000;

    /// <summary>
    /// Declared square roots, by the order of the statement's √ calls in one evaluation (entry i for call i; null or past
    /// the end: the symbol r = √D of the first undeclared call's radicand D): a √ of a perfect square w² is |w|, a √ of
    /// D·w² is |w|·√D. Each declaration is checked on the grid (the radicand's identity, its degree counted) and the sign
    /// of w decided on the box and the region, so a wrong one only stalls the proof.
    /// </summary>
    public IReadOnlyList<RootFactor?>? Roots { get; init; }
}

/// <summary>
/// A declared square root for <see cref="ExactIdentity.Roots"/>: w = x_k^p (x_k the proof coordinate
/// <paramref name="Coordinate"/>), and the √ call is |w| (its radicand must be w²) or, with <paramref name="TimesRoot"/>,
/// |w|·√D (its radicand must be D·w²). E.g. √(λ²) on the slice |g| = 0 is |λ| (coordinate of λ, power 1), and
/// √(1 + 2L|g|/λ²) = |1/λ|·√(λ² + 2L|g|) (power −1, times the root).
/// </summary>
/// <param name="Coordinate">The proof coordinate's index.</param>
/// <param name="Power">The integer power p (0 gives w = 1).</param>
/// <param name="TimesRoot">True for |w|·√D, false for |w|.</param>
public sealed record RootFactor(int Coordinate, int Power, bool TimesRoot = false)
{
    /// <summary>w at the given coordinates.</summary>
    /// <exception cref="ArgumentException">the coordinate is not one of <paramref name="coordinates"/>.</exception>
    public T Of<T>(IReadOnlyList<T> coordinates) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        if (Coordinate < 0 || Coordinate >= coordinates.Count)
            throw new ArgumentException($"the root factor reads coordinate {Coordinate}, but there are {coordinates.Count}.", nameof(coordinates));
        T w = T.Of(1);
        for (int i = 0; i < Math.Abs(Power); i++)
            w *= coordinates[Coordinate];
        return Power < 0 ? T.Of(1) / w : w;
    }

    /// <summary>E.g. <c>|λ^-1|·√D</c>.</summary>
    public string Describe(string name) => "|" + (Power == 1 ? name : $"{name}^{Power}") + "|" + (TimesRoot ? "·√D" : "");
}

/// <summary>
/// Exact proofs of identities lhs = rhs whose sides are rational functions of the proof coordinates (issue "Theorem
/// checking"; an equality is never inside an interval test, so branch-and-bound cannot prove one).
/// <para>
/// 1. Degrees and branches: the statement runs once in <see cref="RationalDegree"/> over the whole box. Every
/// comparison, sign, |x|, max and min must be decided by the exact interval enclosure over the whole box (else the method
/// does not apply), so the code takes one path at every point of the box, and along it each side is a rational function
/// P/Q with bounds on deg_{x_k} P and deg_{x_k} Q; a side or a branch computed from √, exp, log, erf
/// or π makes the method not apply (such a value that neither a side nor a branch uses is harmless). Every equality
/// part gives lhs − rhs = N/(Q_lhs Q_rhs) with deg_{x_k} N ≤ d_k, and d_k is the maximum over the parts.
/// </para>
/// <para>
/// 2. Grid: N vanishing at every point of a product grid S_1 × … × S_k ⊂ box with |S_k| = d_k + 1 distinct values per
/// coordinate implies N ≡ 0 (induction on k: write N = Σ_j c_j(x_2…x_k) x_1^j; for each fixed grid value of x_2…x_k the
/// univariate polynomial in x_1 of degree ≤ d_1 has d_1 + 1 roots, so every c_j vanishes on the smaller grid). Both sides
/// are evaluated exactly (point rational intervals: no rounding) at every grid point; a grid point where the code divides
/// by an exact 0 makes the method choose other grid values (inside the box, so the path is the same). At a grid point no
/// divisor vanishes, hence Q_lhs Q_rhs ≠ 0 there and lhs = rhs means N = 0.
/// </para>
/// <para>
/// What is proved: N ≡ 0, so lhs = rhs at every point of the box that meets the hypotheses and at which no divisor of the
/// code vanishes. Hypotheses must be decided on the whole box like any branch (a box on which none holds is vacuous). When
/// every divisor's enclosure over the box excludes 0, that is every point of the box that meets the hypotheses; otherwise
/// the report names the exception set (the zero sets of the divisors, a proper algebraic subset) and the proof does not
/// cover the stated domain. Since N ≡ 0 as a polynomial, the identity holds wherever the code takes the same path with
/// non-vanishing divisors: with a declared region (<see cref="ExactIdentity.Region"/>) the same run decides every branch
/// and excludes 0 from every divisor on the region too (<see cref="RegionInterval"/>, exact ranges with open and
/// infinite ends), and where it does, the identity holds on the whole region. A hypothesis checked by the typed
/// <see cref="Assume"/> forms (<see cref="Numerics.Arithmetic.HypothesisScope"/>) must be decided on the box but may be
/// undecided on the region (e.g. ad − b² &gt; 0 on a, d &gt; 0): every point of the region that meets it passes it as the
/// box does, and the points that fail it are outside the claim; the identity then holds at the region's points that meet
/// the hypotheses.
/// </para>
/// <para>
/// One square root (<see cref="RationalDegree"/>, "Square roots"): where the code takes √ of a rational radicand D ≥ 0,
/// every value is a + b·r in Q(x)[r]/(r² − D), and lhs − rhs = A + B·r. The degree bound d_k is then the maximum over both
/// parts of every equality and over the numerators of D′ − D for every later √ of radicand D′. The grid evaluates in
/// <see cref="QuadraticSurd"/> (a, b and D exact at the point, r a symbol): every part's A and B, and every D′ − D, must be
/// exactly 0 at every grid point (a zero norm a₂² − b₂²D of a divisor makes the method choose other grid values, as a zero
/// divisor does). By the argument above, A ≡ 0, B ≡ 0 and D′ ≡ D as rational functions. Every formal denominator (of a,
/// of b, each norm) is non-zero at a grid point, so none is the zero polynomial and their zero set Z is a proper
/// algebraic subset, nowhere dense in the box (on a coordinate of zero width: in the slice). Off Z the formal value is the
/// code's, so lhs − rhs = A + B·√D = 0 there. On Z (a norm may vanish where the divisor does not: 1 + √(1 + y) has norm
/// −y) continuity closes the gap: along the one path, the code's lhs − rhs is built by field operations, by √ of a
/// radicand whose enclosure is non-negative, and by divisions by values whose enclosures exclude 0, so it is continuous on
/// the box (or, with a divisor that may vanish, near every point where none does), and it is 0 on the dense complement of
/// Z. With a region the same holds on the region: its ranges exclude 0 from every divisor and negative values from every
/// radicand (checked), and every coordinate of the region is an interval with interior (or the box's own point on a
/// coordinate of zero width), so Z is nowhere dense there too. √ of a radicand that is a perfect square is still r: √(x²)
/// = x leaves B = 1 and is not proved. A √ may be declared (<see cref="ExactIdentity.Roots"/>) the rational |w| or
/// |w|·√D: its radicand's identity with w² or D·w² is one more part checked on the grid (degree counted), and the sign
/// of w is decided on the box and the region, so √(x²) = |x| is never x where x &lt; 0.
/// </para>
/// <para>
/// Slices: a coordinate of zero width is evaluated at its one value, so the identity is shown on that slice only; it
/// extends to a region only where the region's coordinate is that same point.
/// </para>
/// <para>
/// Reports: the proof counts 1 box (the whole box is closed at once); the note gives the degrees and the number of exact
/// evaluations. Inputs must be read with <c>T.Input</c> (the statement sees the same tags at every evaluation, and only
/// <c>T.Input</c> maps a tag to the box or to a grid value).
/// </para>
/// </summary>
internal sealed class IdentityProver<TInput> where TInput : notnull
{
    private const int Bits = 128;

    /// <summary>The offsets θ of the grid values lo + w·(j + θ)/n, j = 0…n − 1, tried in turn (all strictly inside the box).</summary>
    private static readonly Fraction[] Offsets = [new(1, 2), new(1, 3), new(2, 7), new(3, 11), new(5, 13)];

    private readonly Statement<TInput> _statement;
    private readonly ProofDomain<TInput> _domain;
    private readonly ExactIdentity _method;
    private readonly ProofCoordinate[] _box;
    private readonly ProofWorkBudget _work;

    internal IdentityProver(Statement<TInput> statement, ProofDomain<TInput> domain, ProofWorkBudget work)
    {
        _statement = statement;
        _domain = domain;
        _work = work;
        _method = domain.Identity ?? throw new ArgumentException("the proof domain declares no exact identity method.", nameof(domain));
        _box = [.. domain.Box.Select(c => c.Validated())];
        if (_method.Region is { } region && region.Count != _box.Length)
            throw new ArgumentException($"the region has {region.Count} coordinates, the box {_box.Length}.", nameof(domain));
        if (_method.MaxEvaluations < 1)
            throw new ArgumentException($"MaxEvaluations must be ≥ 1, got {_method.MaxEvaluations}.", nameof(domain));
    }

    private Prover<TInput>.Outcome Stall(string why) => new(false, 1, 0, 0, null, "exact identity method: " + why);

    /// <summary>The proof; a declared scaling reduction is never taken as checked (this method does no dimensional analysis).</summary>
    internal Prover<TInput>.Outcome Run()
    {
        var outcome = WithinBudget();
        return _domain.Scaling is null
            ? outcome
            : outcome with { ScalingFailure = "the exact identity method does not check scaling reductions" };
    }

    /// <summary>
    /// The proof within its work budget (<see cref="ProofWorkBudget"/>): a spent budget is a stall that
    /// says so, whatever failure the refused evaluation was reported as on its way out.
    /// </summary>
    private Prover<TInput>.Outcome WithinBudget()
    {
        using var work = ExactWork.Use(_work.Limit);
        Prover<TInput>.Outcome outcome;
        try
        {
            outcome = Prove();
        }
        catch (ExactWorkExceededException)
        {
            return Stall(WorkSpent);
        }
        return ExactWork.IsSpent ? Stall(WorkSpent) : outcome;
    }

    private string WorkSpent => $"stopped when {_work.Text} ran out";

    private Prover<TInput>.Outcome Prove()
    {
        var tags = Tags();
        var boxes = _box.Select(c => new RationalInterval(ExactDouble.ToFraction(c.Lower), ExactDouble.ToFraction(c.Upper))).ToArray();
        var input = _domain.At(tags);

        // 1. Degrees and branches over the whole box (and the region).
        int[] degree = new int[_box.Length];
        int parts;
        int roots;
        int obligations;
        bool mayVanish;
        string? regionFailure;
        bool hypothesisOpenOnRegion;
        try
        {
            using (EnclosureSettings.Use(Bits))
            using (EnclosureSettings.UseTags(tags, boxes))
            using (var session = RationalDegree.Track(_method.Region))
            {
                if (_method.Roots is { } declared)
                {
                    var coordinates = tags.Select(RationalDegree.Input).ToArray();
                    session.DeclareRoots([.. declared.Select(f => f is null ? (DeclaredRoot?)null : new DeclaredRoot(f.Of(coordinates), f.TimesRoot))]);
                }
                var r = _statement.Evaluate<RationalDegree>(input);
                var sides = new List<(RationalDegree Lhs, RationalDegree Rhs)>();
                if (Flatten(r, sides) is { } notIdentity)
                    return Stall(notIdentity);
                parts = sides.Count;
                if (sides.Select(p => p.Lhs.NotRational ?? p.Rhs.NotRational).FirstOrDefault(m => m is not null) is { } notRational)
                    throw new NotRationalException(notRational, new ArithmeticException(notRational));
                foreach (var (lhs, rhs) in sides)
                    for (int k = 0; k < degree.Length; k++)
                        degree[k] = Math.Max(degree[k], RationalDegree.DifferenceDegree(lhs, rhs, k));
                roots = session.TrackedRoots;
                obligations = session.Obligations;
                if (obligations > 0)
                    for (int k = 0; k < degree.Length; k++)
                        degree[k] = Math.Max(degree[k], session.RadicandDifferenceDegree(k));
                mayVanish = session.DivisorMayVanishOnBox;
                regionFailure = session.RegionFailure ?? (roots > 0 ? RootRegionFailure() : null);
                hypothesisOpenOnRegion = session.HypothesisUndecidedOnRegion;
            }
        }
        catch (HypothesisException)
        {
            return new Prover<TInput>.Outcome(true, 1, 1, 1, null, null)
            {
                Method = "exact identity method: no point of the box meets the hypotheses (decided on the whole box)",
                CoverageFailure = "no point of the box meets the hypotheses, so nothing extends to a region",
            };
        }
        catch (NotRationalException e)
        {
            return Stall($"the sides are not rational functions of the coordinates ({e.Message}); the statement stays with the ordinary engine");
        }
        catch (UndecidedException e)
        {
            return Stall($"a branch or hypothesis of the code is not decided on the whole box ({e.Message})");
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException)
        {
            return Stall($"the code cannot be evaluated over the whole box ({e.Message})");
        }

        // 2. The product grid: d_k + 1 values per coordinate (1 on a coordinate of zero width: a slice).
        var counts = new int[_box.Length];
        long total = 1;
        bool slice = false;
        for (int k = 0; k < counts.Length; k++)
        {
            bool flat = _box[k].Lower == _box[k].Upper;
            // A slice whose region coordinate is that same point is the region there: nothing to extend to.
            bool regionIsThePoint = _method.Region is { } reg && reg[k].Lower is { } lo && reg[k].Upper is { } hi && lo == hi
                && lo == ExactDouble.ToFraction(_box[k].Lower);
            slice |= flat && degree[k] > 0 && !regionIsThePoint;
            counts[k] = flat ? 1 : degree[k] + 1;
            total = Math.Min(total, 1L << 31) * counts[k];
        }
        string degrees = string.Join(", ", _box.Select((c, k) => $"{c.Name}: {degree[k]}"));
        if (parts > 0 && total > _method.MaxEvaluations)
            return Stall($"the grid needs {total} exact evaluations (degrees {degrees}), over the cap of {_method.MaxEvaluations}");
        string? failure = null;
        if (parts > 0)
        {
            failure = "no grid avoided the zero divisors";
            foreach (var offset in Offsets)
            {
                failure = roots > 0
                    ? Grid<QuadraticSurd>(tags, input, counts, offset, parts, SurdParts, () => PointScope(tags))
                    : Grid<RationalInterval>(tags, input, counts, offset, parts, ExactParts, () => null);
                if (failure is null || !failure.StartsWith("retry", StringComparison.Ordinal))
                    break;
            }
        }
        if (failure is not null)
            return Stall(failure);

        string method = parts == 0
            ? "exact identity method: every part is trivial on the whole box"
            : roots > 0
                ? $"exact identity in Q(x)[√D]: both parts of lhs − rhs ≡ 0{(obligations > 0 ? $", and each of the {obligations} later radicands ≡ D (or its declared square{DescribeRoots()})," : "")} from a product grid of {total} exact evaluations (numerator degrees: {degrees}); continuity covers the zeros of the norms"
                : $"exact identity: N ≡ 0 from a product grid of {total} exact evaluations (numerator degrees of lhs − rhs: {degrees})";
        string? coverage = null;
        if (mayVanish)
        {
            method += "; except where a divisor of the code vanishes (its enclosure over the box contains 0: a proper algebraic subset)";
            coverage = "a divisor of the code may vanish on the box, where the identity is not shown";
        }
        else if (slice)
            coverage = "a coordinate of zero width is a slice, so the identity does not extend beyond the box";
        else if (_method.Region is { } region)
        {
            if (regionFailure is null)
                method += $"; the code's branches and non-zero divisors are the box's on the whole region {DescribeRegion(region)}, so the identity holds there"
                          + (hypothesisOpenOnRegion ? " (at every point that meets the hypotheses: some are not decided on the region, and the points that fail them are outside the claim)" : "");
            else
                coverage = $"the identity is not extended to the region {DescribeRegion(region)}: {regionFailure}";
        }
        return new Prover<TInput>.Outcome(true, 1, 1, 1, null, null) { Method = method, CoverageFailure = coverage };
    }

    /// <summary>A grid point's scope for <see cref="QuadraticSurd"/>, with the declared roots evaluated at the point.</summary>
    private QuadraticSurd.PointScope PointScope(double[] tags)
    {
        var scope = QuadraticSurd.Track();
        if (_method.Roots is { } declared)
        {
            var coordinates = tags.Select(QuadraticSurd.Input).ToArray();
            scope.DeclareRoots([.. declared.Select(f => f is null ? ((QuadraticSurd, bool)?)null : (f.Of(coordinates), f.TimesRoot))]);
        }
        return scope;
    }

    private string DescribeRoots() => _method.Roots is { } declared && declared.Any(f => f is not null)
        ? "; declared: " + string.Join(", ", declared.Select((f, i) => f is null ? null : $"√ call {i + 1} = {f.Describe(_box[f.Coordinate].Name)}").Where(t => t is not null))
        : "";

    /// <summary>The exact parts (rational, along r) of a side at a grid point, or null when it is not exact.</summary>
    private static (Fraction A, Fraction B)? ExactParts(RationalInterval x) => x.Lower == x.Upper ? (x.Lower, Fraction.Zero) : null;

    /// <inheritdoc cref="ExactParts"/>
    private static (Fraction A, Fraction B)? SurdParts(QuadraticSurd x) => x.IsInexact ? null : x.Parts;

    /// <summary>
    /// Null when the region does not spoil the continuity argument for √ (every coordinate of the region is an interval
    /// with interior, or the box's own point on a coordinate of zero width); else why it does.
    /// </summary>
    private string? RootRegionFailure()
    {
        if (_method.Region is not { } region)
            return null;
        for (int k = 0; k < _box.Length; k++)
        {
            var r = region[k];
            if (r.Lower is { } lo && r.Upper is { } hi && lo == hi
                && !(_box[k].Lower == _box[k].Upper && ExactDouble.ToFraction(_box[k].Lower) == lo))
                return $"the region's coordinate {_box[k].Name} is the single point {r}, where the zeros of a norm need not be nowhere dense";
        }
        return null;
    }

    /// <summary>Null when every grid point has lhs = rhs exactly; "retry…" on an exact zero divisor; else why not.</summary>
    private string? Grid<T>(double[] tags, TInput input, int[] counts, Fraction offset, int parts,
        Func<T, (Fraction A, Fraction B)?> exact, Func<IDisposable?> pointScope) where T : IReal<T>
    {
        var values = new Fraction[counts.Length][];
        for (int k = 0; k < counts.Length; k++)
        {
            var lo = ExactDouble.ToFraction(_box[k].Lower);
            var width = ExactDouble.ToFraction(_box[k].Upper) - lo;
            values[k] = [.. Enumerable.Range(0, counts[k]).Select(j => lo + width * (new Fraction(j) + offset) / new Fraction(counts[k]))];
        }
        var index = new int[counts.Length];
        while (true)
        {
            var point = values.Select((v, k) => RationalInterval.Exact(v[index[k]])).ToArray();
            try
            {
                using (EnclosureSettings.Use(Bits))
                using (EnclosureSettings.UseTags(tags, point))
                using (pointScope())
                {
                    var r = _statement.Evaluate<T>(input);
                    var sides = new List<(T Lhs, T Rhs)>();
                    if (Flatten(r, sides) is { } why)
                        return "at a grid point: " + why;
                    if (sides.Count != parts)
                        return $"the code took another path at a grid point ({sides.Count} parts, {parts} on the box)";
                    foreach (var (lhs, rhs) in sides)
                    {
                        if (exact(lhs) is not { } l || exact(rhs) is not { } q)
                            return "a side is not exact at a grid point";
                        if (l.B != q.B)
                            return $"not an identity: lhs − rhs = {Text(l.A - q.A)} + ({Text(l.B - q.B)})·√D, its part along the root ≠ 0 at {DescribePoint(values, index)}";
                        if (l.A != q.A)
                            return $"not an identity: lhs − rhs = {Text(l.A - q.A)} ≠ 0 at {DescribePoint(values, index)}";
                    }
                }
            }
            catch (DivideByZeroException)
            {
                return "retry: a divisor is 0 at a grid point";
            }
            catch (HypothesisException)
            {
                return "retry: a grid point fails the hypotheses";
            }
            catch (SecondRadicandException e)
            {
                return $"two different radicands: {e.Message} ({DescribePoint(values, index)}), so the later root is not √D";
            }
            catch (Exception e) when (e is ArithmeticException or ArgumentException)
            {
                return $"the code failed at a grid point ({e.Message})";
            }
            int c = 0;
            while (c < index.Length && ++index[c] == counts[c])
                index[c++] = 0;
            if (c == index.Length)
                return null;
        }
    }

    /// <summary>The equality parts' sides; null, or why the relation is not an identity.</summary>
    private static string? Flatten<T>(Relation<T> r, List<(T, T)> sides) where T : IReal<T>
    {
        switch (r.Kind)
        {
            case RelationKind.All:
                foreach (var part in r.Parts)
                    if (Flatten(part, sides) is { } why)
                        return why;
                return null;
            case RelationKind.Equal:
                sides.Add((r.Lhs, r.Rhs));
                return null;
            case RelationKind.Trivial:
                return null;
            default:
                return $"the relation has a {r.Kind} part, not only equalities";
        }
    }

    private static string Text(Fraction x) => ExactDouble.ToDouble(x).ToString("R", CultureInfo.InvariantCulture);

    private string DescribePoint(Fraction[][] values, int[] index) => string.Join(", ", _box.Select((c, k) =>
        $"{c.Name} = {ExactDouble.ToDouble(values[k][index[k]]).ToString("R", CultureInfo.InvariantCulture)}"));

    private string DescribeRegion(IReadOnlyList<RegionInterval> region) =>
        string.Join(", ", _box.Select((c, k) => $"{c.Name} ∈ {region[k]}"));

    /// <summary>The coordinates' tags, as the branch-and-bound prover makes them.</summary>
    private double[] Tags() => ProofTags.For(_box.Select(c => c.Lower).ToArray(), _box.Select(c => c.Upper).ToArray());
}
