using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>One coordinate of a proof box: [Lower, Upper], split at geometric means when <paramref name="Logarithmic"/>.</summary>
/// <param name="Name">The input it is, e.g. "λ".</param>
/// <param name="Lower">The lower end (a double; both ends are in the box).</param>
/// <param name="Upper">The upper end.</param>
/// <param name="Logarithmic">Split at the geometric mean (for positive ranges spanning decades).</param>
public sealed record ProofCoordinate(string Name, double Lower, double Upper, bool Logarithmic = false)
{
    /// <summary>
    /// Values where the relation is tight (e.g. x = 0 for √(1+x) ≤ 1 + x/2): the prover splits there first, so that the
    /// tight value is a face of every box, where monotonicity reduces the relation to an exact evaluation on the face.
    /// </summary>
    public IReadOnlyList<double> TightAt { get; init; } = [];

    /// <summary>
    /// A change of variables: the box holds t = this coordinate, and the statement reads the input x = Map(t) (e.g.
    /// x = 1/t², t ∈ [0, 1], for x ∈ [1, ∞)); null when the coordinate is the input itself. At the map's
    /// <see cref="CoordinateMap.Pole"/> the face holds no point of the domain; declare it in <see cref="TightAt"/> so that the
    /// prover expands there (<see cref="FaceJet{T}"/> carries the pole as a negative power of t).
    /// </summary>
    public CoordinateMap? Map { get; init; }

    /// <summary>The input's name when the coordinate is mapped (e.g. "x" for x = 1/t²); else <see cref="Name"/>.</summary>
    public string? Input { get; init; }

    /// <summary>
    /// True when the relation reads a derivative in this coordinate (the variable of a <see cref="DerivativeSign"/> or
    /// <see cref="PartialDerivativeSign{TInput}"/> check, which marks it): the prover then never decides a box on a face of
    /// this coordinate by monotonicity. A derivative may jump at a face where the code changes branch (|x| at 0), and the
    /// face, a single value of the coordinate, would be evaluated by another branch's formula than the box.
    /// </summary>
    public bool Differentiated { get; init; }

    /// <summary>The coordinate, checked.</summary>
    /// <exception cref="ArgumentException">a non-finite end, Lower &gt; Upper, or a logarithmic range that is not positive.</exception>
    public ProofCoordinate Validated()
    {
        if (!double.IsFinite(Lower) || !double.IsFinite(Upper) || Lower > Upper)
            throw new ArgumentException($"coordinate {Name} needs finite ends with lower ≤ upper, got [{Lower}, {Upper}].", nameof(Lower));
        if (Logarithmic && !(Lower > 0))
            throw new ArgumentException($"coordinate {Name} is logarithmic but its range [{Lower}, {Upper}] is not positive.", nameof(Logarithmic));
        if (TightAt.Any(t => !(t >= Lower && t <= Upper)))
            throw new ArgumentException($"coordinate {Name}: a tight value lies outside [{Lower}, {Upper}].", nameof(TightAt));
        if (Map?.Pole is { } pole && (pole > Lower && pole < Upper))
            throw new ArgumentException($"coordinate {Name}: the map's pole {pole} lies inside ({Lower}, {Upper}); it may only be an end.", nameof(Map));
        return this;
    }
}

/// <summary>
/// A box a statement can be proved on by branch-and-bound (issue "Theorem checking"): its coordinates, how a point of it
/// becomes an input (every real input of the statement must be read with <c>T.Input</c> from these values, never as a
/// raw double: the prover tags each coordinate by a double inside its sub-box and reads the tag as that sub-box), and
/// whether the box is the statement's whole stated domain, directly or through a declared reduction.
/// </summary>
public sealed class ProofDomain<TInput> where TInput : notnull
{
    /// <summary>The coordinates (at most a few: the prover splits every one).</summary>
    public required IReadOnlyList<ProofCoordinate> Box { get; init; }

    /// <summary>The input at a point of the box.</summary>
    public required Func<double[], TInput> At { get; init; }

    /// <summary>
    /// The reduction that maps the stated domain onto this box (e.g. a scaling symmetry), in words, or null when the box
    /// is the domain itself or only part of it.
    /// </summary>
    public string? Reduction { get; init; }

    /// <summary>
    /// The check of <see cref="Reduction"/>: a statement that must hold for the reduction to be valid (it is run by the same
    /// engine, and proved where it has a proof domain). Null when there is no reduction.
    /// </summary>
    public IFormalization? ReductionCheck { get; init; }

    /// <summary>
    /// True when the statement is proved entirely through its checked reduction (e.g. "f is increasing on I ⇐ f′ ≥ 0 on I
    /// and f continuous there", the mean value theorem, built by <see cref="Monotonicity"/>): no box of this domain is
    /// evaluated (<see cref="Box"/> is empty), and the domain counts as proved exactly when <see cref="ReductionCheck"/>
    /// is proved on its own stated domain; its proof's domain and boxes are reported as this domain's.
    /// </summary>
    public bool ReductionOnly { get; init; }

    /// <summary>
    /// For a reduction by a group of positive scalings: the degree of each box coordinate under each scaling parameter
    /// (e.g. λ ↦ μλ/α², |g| ↦ μ|g|/α, L ↦ μL/α³ give λ: (−2, 1), |g|: (−1, 1), L: (−3, 1)). The prover then checks, on
    /// every box it closes, by dimensional analysis of the statement's own code (<see cref="Numerics.Arithmetic.Graded"/>),
    /// that the relation is homogeneous, i.e. invariant under the scalings the reduction divides out.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>>? Scaling { get; init; }

    /// <summary>True when this box (through <see cref="Reduction"/> where given) covers the whole stated domain.</summary>
    public bool CoversStatedDomain { get; init; }

    /// <summary>
    /// When set, the domain is proved by the exact identity method (<see cref="IdentityProver{TInput}"/>: degree bounds and
    /// exact evaluation on a product grid) instead of interval branch-and-bound.
    /// </summary>
    public ExactIdentity? Identity { get; init; }

    /// <summary>How many boxes the prover may evaluate before it stops (undecided boxes left: partial coverage).</summary>
    public int MaxBoxes { get; init; } = 4096;

    /// <summary>
    /// The exact work (<see cref="ExactWork"/>, in 64-bit word products) the prover may spend on this
    /// domain, all boxes together, before it stops (undecided boxes left: partial coverage, never "proved"). Counted, not
    /// timed, so a proof stops at the same box on every machine. Default <see cref="DefaultMaxWork"/>; a run may lower it
    /// (<see cref="RunSettings.MaxProofWork"/>, the smaller applies).
    /// </summary>
    /// <exception cref="ArgumentException">a budget that is not positive.</exception>
    public long MaxWork
    {
        get => _maxWork;
        init => _maxWork = value > 0 ? value : throw new ArgumentException($"the prover's work budget must be positive, got {value}.", nameof(MaxWork));
    }

    private readonly long _maxWork = DefaultMaxWork;

    /// <summary>
    /// 2^32 word products, the search's budget per input (<see cref="RunSettings.DefaultMaxExactWork"/>): at seed 7 the
    /// catalog's costliest proof domain took 2^27 (1.4·10^8) and all 97 together 2^28.4, so the budget stops only a proof
    /// some 30 times costlier than any the catalog has.
    /// </summary>
    public const long DefaultMaxWork = 1L << 32;

    /// <summary>
    /// A copy of this domain with coordinate <paramref name="coordinate"/> marked <see cref="ProofCoordinate.Differentiated"/>
    /// (every other property kept).
    /// </summary>
    internal ProofDomain<TInput> WithDifferentiated(int coordinate) => new()
    {
        Box = [.. Box.Select((c, k) => k == coordinate ? c with { Differentiated = true } : c)],
        At = At,
        Reduction = Reduction,
        ReductionCheck = ReductionCheck,
        ReductionOnly = ReductionOnly,
        Scaling = Scaling,
        CoversStatedDomain = CoversStatedDomain,
        Identity = Identity,
        MaxBoxes = MaxBoxes,
        MaxWork = MaxWork,
    };

    /// <summary>The box as text, e.g. <c>λ ∈ [-1, 1], |g| ∈ [0, 1]</c>.</summary>
    public string Describe() => ReductionOnly
        ? "no box of its own: " + (Reduction ?? "a reduction with no text")
        : string.Join(", ", Box.Select(c =>
        $"{c.Name} ∈ [{Reporting.ReportText.Number(c.Lower)}, {Reporting.ReportText.Number(c.Upper)}]"
        + (c.Map is { } map ? $" ({map.Describe(c.Input ?? c.Name, c.Name)}{(map.Pole is { } p ? $", {c.Name} ≠ {Reporting.ReportText.Number(p)}" : "")})" : "")))
        + (Identity?.Region is { } region && region.Count == Box.Count
            ? " (the grid box of an exact identity; region " + string.Join(", ", Box.Select((c, k) => $"{c.Name} ∈ {region[k]}")) + ")"
            : "");
}

/// <summary>What the prover concluded on one statement.</summary>
/// <param name="Domain">The boxes, as text (the pieces joined by "; ").</param>
/// <param name="Proved">True when every box of every piece was closed.</param>
/// <param name="CoversStatedDomain">True when the pieces cover the stated domain (with their checked reductions).</param>
/// <param name="Boxes">Boxes evaluated.</param>
/// <param name="Closed">Boxes closed (the relation holds at every point, or no point meets the hypotheses).</param>
/// <param name="VolumeCoverage">The closed fraction of the domain by volume (each piece weighted equally; log scale on logarithmic coordinates).</param>
/// <param name="Reduction">The reductions, in words, or null.</param>
/// <param name="Notes">Why it stalled, where, and how the reductions were checked.</param>
public sealed record ProofResult(
    string Domain,
    bool Proved,
    bool CoversStatedDomain,
    int Boxes,
    int Closed,
    double VolumeCoverage,
    string? Reduction,
    IReadOnlyList<string> Notes);
