using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>The comparison a <see cref="Relation{T}"/> makes.</summary>
public enum RelationKind
{
    /// <summary>lhs ≤ rhs.</summary>
    LessOrEqual,

    /// <summary>lhs &lt; rhs strictly: equality is a violation (e.g. a second minimizer).</summary>
    Less,

    /// <summary>lhs = rhs.</summary>
    Equal,

    /// <summary>Every part holds (e.g. every entry of a matrix identity).</summary>
    All,

    /// <summary>Satisfied for a computed trivial reason.</summary>
    Trivial,

    /// <summary>The evaluation cannot decide (a trend that has not settled, a side that is not defined).</summary>
    Undecided,
}

/// <summary>
/// What a statement's relation evaluated to on one input, in arithmetic <typeparamref name="T"/>: both sides, the scale the
/// margin is measured in, and the comparison. The margin is (lhs − rhs)/scale for ≤ and &lt;, |lhs − rhs|/scale for =;
/// &gt; 0 means violated. <see cref="Allowance"/> is a rounding allowance in that unit that applies to the double
/// evaluation only (the double check is lhs − rhs ≤ allowance·scale); exact certification never uses it.
/// </summary>
public readonly struct Relation<T> where T : IReal<T>
{
    private readonly Relation<T>[]? _parts;

    internal Relation(RelationKind kind, T lhs, T rhs, T scale, double allowance, string? note, Relation<T>[]? parts)
    {
        Kind = kind;
        Lhs = lhs;
        Rhs = rhs;
        Scale = scale;
        Allowance = allowance;
        Note = note;
        _parts = parts;
    }

    /// <summary>The comparison.</summary>
    public RelationKind Kind { get; }

    /// <summary>The left side.</summary>
    public T Lhs { get; }

    /// <summary>The right side.</summary>
    public T Rhs { get; }

    /// <summary>The scale margins are measured in (&gt; 0; 1 where the statement gives none).</summary>
    public T Scale { get; }

    /// <summary>The double-only rounding allowance, in units of <see cref="Scale"/>.</summary>
    public double Allowance { get; }

    /// <summary>A label (e.g. "entry (1, 2)") or the reason of a trivial or undecided outcome.</summary>
    public string? Note { get; }

    /// <summary>The parts of an <see cref="RelationKind.All"/> relation.</summary>
    public IReadOnlyList<Relation<T>> Parts => _parts ?? [];

    /// <summary>The same relation with a label (shown with a violated part of a conjunction).</summary>
    public Relation<T> Labelled(string label) => new(Kind, Lhs, Rhs, Scale, Allowance, label, _parts);
}

/// <summary>Builders of <see cref="Relation{T}"/>: what a statement's <c>Evaluate</c> returns.</summary>
public static class Relation
{
    /// <summary>lhs ≤ rhs, margin (lhs − rhs)/scale.</summary>
    /// <param name="lhs">The left side.</param>
    /// <param name="rhs">The right side.</param>
    /// <param name="scale">The unit of the margin (e.g. the size of the terms that were summed); must be &gt; 0.</param>
    /// <param name="allowance">Double-only rounding allowance in units of scale (state its reason in the tolerance).</param>
    public static Relation<T> LessOrEqual<T>(T lhs, T rhs, T scale, double allowance = 0) where T : IReal<T> =>
        new(RelationKind.LessOrEqual, lhs, rhs, scale, CheckAllowance(allowance), null, null);

    /// <summary>lhs ≤ rhs with margin lhs − rhs (scale 1).</summary>
    public static Relation<T> LessOrEqual<T>(T lhs, T rhs) where T : IReal<T> => LessOrEqual(lhs, rhs, T.Of(1));

    /// <summary>lhs &lt; rhs strictly; equality is a violation with margin 0.</summary>
    public static Relation<T> Less<T>(T lhs, T rhs, T scale, double allowance = 0) where T : IReal<T> =>
        new(RelationKind.Less, lhs, rhs, scale, CheckAllowance(allowance), null, null);

    /// <summary>lhs &lt; rhs with margin lhs − rhs (scale 1).</summary>
    public static Relation<T> Less<T>(T lhs, T rhs) where T : IReal<T> => Less(lhs, rhs, T.Of(1));

    /// <summary>lhs = rhs, margin |lhs − rhs|/scale.</summary>
    public static Relation<T> Equal<T>(T lhs, T rhs, T scale, double allowance = 0) where T : IReal<T> =>
        new(RelationKind.Equal, lhs, rhs, scale, CheckAllowance(allowance), null, null);

    /// <summary>lhs = rhs with margin |lhs − rhs| (scale 1).</summary>
    public static Relation<T> Equal<T>(T lhs, T rhs) where T : IReal<T> => Equal(lhs, rhs, T.Of(1));

    /// <summary>Every part holds; violated where any part is (the report names the worst part by its label).</summary>
    public static Relation<T> All<T>(IEnumerable<Relation<T>> parts) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(parts);
        var array = parts.ToArray();
        if (array.Length == 0)
            throw new ArgumentException("a conjunction needs at least one part.", nameof(parts));
        return new(RelationKind.All, T.Of(0), T.Of(0), T.Of(1), 0, null, array);
    }

    /// <summary>Satisfied for the computed trivial reason given (a statement true only trivially is reported vacuous).</summary>
    public static Relation<T> Trivially<T>(string reason) where T : IReal<T> =>
        new(RelationKind.Trivial, T.Of(0), T.Of(0), T.Of(1), 0, reason ?? throw new ArgumentNullException(nameof(reason)), null);

    /// <summary>The evaluation cannot decide here, for the reason given.</summary>
    public static Relation<T> Undecided<T>(string reason) where T : IReal<T> =>
        new(RelationKind.Undecided, T.Of(0), T.Of(0), T.Of(1), 0, reason ?? throw new ArgumentNullException(nameof(reason)), null);

    private static double CheckAllowance(double allowance) => allowance >= 0 && double.IsFinite(allowance)
        ? allowance
        : throw new ArgumentException($"allowance must be finite and ≥ 0, got {allowance}.", nameof(allowance));
}

/// <summary>Relations over matrices and vectors, entry by entry.</summary>
public static class MatrixRelation
{
    /// <summary>
    /// A = B entrywise: violated where any entry differs; the margin of entry (i, j) is |A_ij − B_ij|/scale and the report
    /// names the worst entry. <paramref name="scale"/> should be the size of the terms that were summed (so cancellation
    /// is accounted for); <paramref name="allowance"/> applies to the double evaluation only.
    /// </summary>
    public static Relation<T> Equal<T>(Verification.Numerics.Arithmetic.RealMatrix<T> a, Verification.Numerics.Arithmetic.RealMatrix<T> b, T scale, double allowance = 0)
        where T : Verification.Numerics.Arithmetic.IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new ArgumentException($"shapes differ: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}.", nameof(b));
        var parts = new List<Relation<T>>(a.Rows * a.Columns);
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++)
                parts.Add(Relation.Equal(a[i, j], b[i, j], scale, allowance).Labelled($"entry ({i}, {j})"));
        return Relation.All(parts);
    }
}
