using System.Diagnostics.CodeAnalysis;
using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>
/// The common part of <see cref="Lemma{T1}"/> … <see cref="Lemma{T1, T2, T3, T4}"/>: a researcher's own statement over
/// inputs from <see cref="Domains"/>, run by the engine exactly as the catalog's claims are (edge cases, edge-biased
/// random inputs, margin climbing, exact certification at growing precision, scope of the counterexample, shrinking).
/// Check it with <see cref="Lemmas.Check(ILemma, ulong, int)"/> or, in xunit, with <c>LemmaAssert.Holds</c>.
/// </summary>
/// <typeparam name="TInput">The input (a tuple for two or more inputs).</typeparam>
public abstract class LemmaBase<TInput> : ILemma<TInput> where TInput : notnull
{
    private readonly Domain<TInput> _domain;
    private Statement<TInput>? _statement;

    private protected LemmaBase(string name, string statement, Domain<TInput> domain)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("a lemma needs a name (its ID in every report).", nameof(name));
        if (string.IsNullOrWhiteSpace(statement))
            throw new ArgumentException("a lemma needs its statement in words.", nameof(statement));
        Name = name;
        Description = statement;
        _domain = domain ?? throw new ArgumentNullException(nameof(domain));
    }

    /// <summary>The lemma's name: its ID in reports, and part of its search seed.</summary>
    public string Name { get; }

    /// <summary>The statement in words, with its quantifiers.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public virtual string? Note => null;

    /// <inheritdoc />
    public virtual Reading Reading => Reading.AsWritten;

    /// <summary>The double-precision allowance of the relation and its reason (certification is exact regardless).</summary>
    public virtual string Tolerance => "none: every double-precision violation is re-evaluated in exact rational interval arithmetic, which decides";

    /// <summary>What the margins are measured in (the scale passed to the relation), e.g. "relative to f(θ)".</summary>
    public virtual string MarginUnit => "in units of the relation's scale";

    /// <summary>True for a statement "for almost every input": a violation only at a degenerate point does not refute it.</summary>
    public virtual bool AlmostEverywhere => false;

    /// <summary>Distinct inputs meeting the hypotheses below which the verdict is inconclusive.</summary>
    public virtual int MinimumDistinctInputs => Statement<TInput>.DefaultMinimumDistinctInputs;

    /// <summary>The kind of statement, for the reports: inequality (default) or identity (a relation of equality).</summary>
    public virtual StatementKind Kind => StatementKind.Inequality;

    /// <inheritdoc />
    public Statement<TInput> Statement => _statement ??= new LemmaStatement(this);

    /// <inheritdoc />
    public FormalizationResult Run(RunSettings settings) => Statement.Run(settings);

    /// <summary>The relation at one input, in arithmetic T (hypotheses through <see cref="Assume"/>).</summary>
    private protected abstract Relation<T> EvaluateInput<T>(TInput input) where T : IReal<T>;

    private sealed class LemmaStatement : Statement<TInput>
    {
        private readonly LemmaBase<TInput> _lemma;

        [SetsRequiredMembers]
        public LemmaStatement(LemmaBase<TInput> lemma)
        {
            _lemma = lemma;
            Name = lemma.Name;
            Description = lemma.Description;
            Tolerance = lemma.Tolerance;
            Domain = lemma._domain;
            MarginUnit = lemma.MarginUnit;
            AlmostEverywhere = lemma.AlmostEverywhere;
            MinimumDistinctInputs = lemma.MinimumDistinctInputs;
            Kind = lemma.Kind;
        }

        public override Relation<T> Evaluate<T>(TInput input) => _lemma.EvaluateInput<T>(input);
    }
}

/// <summary>
/// A lemma about one input: override <see cref="Evaluate{T}(T1)"/> with the hypotheses (<see cref="Assume"/>) and one
/// relation (<see cref="Relation"/>), written once for every arithmetic T (read real inputs with <c>T.Input</c>).
/// </summary>
public abstract class Lemma<T1> : LemmaBase<T1> where T1 : notnull
{
    /// <summary>A lemma named <paramref name="name"/> stating <paramref name="statement"/> for every input of <paramref name="domain"/>.</summary>
    protected Lemma(string name, string statement, Domain<T1> domain) : base(name, statement, domain)
    {
    }

    /// <summary>The hypotheses and the relation at one input, in arithmetic T.</summary>
    public abstract Relation<T> Evaluate<T>(T1 x) where T : IReal<T>;

    private protected sealed override Relation<T> EvaluateInput<T>(T1 input) => Evaluate<T>(input);
}

/// <summary>A lemma about two independent inputs (see <see cref="Lemma{T1}"/>); a counterexample is pinned as a tuple.</summary>
public abstract class Lemma<T1, T2> : LemmaBase<(T1, T2)> where T1 : notnull where T2 : notnull
{
    /// <summary>A lemma stating <paramref name="statement"/> for every pair of inputs from the two domains.</summary>
    protected Lemma(string name, string statement, Domain<T1> first, Domain<T2> second)
        : base(name, statement, ProductDomain.Of(xs => ((T1)xs[0], (T2)xs[1]), t => [t.Item1, t.Item2], ProductDomain.Of(first), ProductDomain.Of(second)))
    {
    }

    /// <summary>The hypotheses and the relation at one input, in arithmetic T.</summary>
    public abstract Relation<T> Evaluate<T>(T1 x, T2 y) where T : IReal<T>;

    private protected sealed override Relation<T> EvaluateInput<T>((T1, T2) input) => Evaluate<T>(input.Item1, input.Item2);
}

/// <summary>A lemma about three independent inputs (see <see cref="Lemma{T1}"/>).</summary>
public abstract class Lemma<T1, T2, T3> : LemmaBase<(T1, T2, T3)> where T1 : notnull where T2 : notnull where T3 : notnull
{
    /// <summary>A lemma stating <paramref name="statement"/> for every triple of inputs from the three domains.</summary>
    protected Lemma(string name, string statement, Domain<T1> first, Domain<T2> second, Domain<T3> third)
        : base(name, statement, ProductDomain.Of(xs => ((T1)xs[0], (T2)xs[1], (T3)xs[2]), t => [t.Item1, t.Item2, t.Item3],
            ProductDomain.Of(first), ProductDomain.Of(second), ProductDomain.Of(third)))
    {
    }

    /// <summary>The hypotheses and the relation at one input, in arithmetic T.</summary>
    public abstract Relation<T> Evaluate<T>(T1 x, T2 y, T3 z) where T : IReal<T>;

    private protected sealed override Relation<T> EvaluateInput<T>((T1, T2, T3) input) => Evaluate<T>(input.Item1, input.Item2, input.Item3);
}

/// <summary>A lemma about four independent inputs (see <see cref="Lemma{T1}"/>).</summary>
public abstract class Lemma<T1, T2, T3, T4> : LemmaBase<(T1, T2, T3, T4)> where T1 : notnull where T2 : notnull where T3 : notnull where T4 : notnull
{
    /// <summary>A lemma stating <paramref name="statement"/> for every quadruple of inputs from the four domains.</summary>
    protected Lemma(string name, string statement, Domain<T1> first, Domain<T2> second, Domain<T3> third, Domain<T4> fourth)
        : base(name, statement, ProductDomain.Of(xs => ((T1)xs[0], (T2)xs[1], (T3)xs[2], (T4)xs[3]), t => [t.Item1, t.Item2, t.Item3, t.Item4],
            ProductDomain.Of(first), ProductDomain.Of(second), ProductDomain.Of(third), ProductDomain.Of(fourth)))
    {
    }

    /// <summary>The hypotheses and the relation at one input, in arithmetic T.</summary>
    public abstract Relation<T> Evaluate<T>(T1 x, T2 y, T3 z, T4 w) where T : IReal<T>;

    private protected sealed override Relation<T> EvaluateInput<T>((T1, T2, T3, T4) input) => Evaluate<T>(input.Item1, input.Item2, input.Item3, input.Item4);
}
