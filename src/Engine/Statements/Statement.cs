using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>
/// A formalization written once (design.md, "Write each statement once"): "for every input of the domain that meets
/// the hypotheses, the relation holds", with the hypotheses (<see cref="Assume"/>) and the relation in one generic
/// method. The engine runs <see cref="Evaluate{T}"/> in <see cref="Float64"/> to search and in
/// <see cref="Numerics.Exact.RationalInterval"/> to certify, at growing precision, and over exact boxes to tell an
/// open-set counterexample from a degenerate one; the two sides cannot disagree because there is one side.
/// </summary>
/// <remarks>
/// Read each real input with <c>T.Input(x)</c>, write constants with int literals, <c>T.Of</c> or <c>T.Ratio</c>;
/// branch only through comparisons of <typeparamref name="TInput"/>'s own doubles or of T values (which throw
/// <see cref="UndecidedException"/> where an interval cannot decide, never guess). Throw nothing else: an exception
/// from the code under test at an input that meets the hypotheses is reported as a finding with that input.
/// </remarks>
public abstract class Statement<TInput> : IFormalization where TInput : notnull
{
    /// <inheritdoc />
    public required string Name { get; init; }

    /// <inheritdoc />
    public required string Description { get; init; }

    /// <inheritdoc />
    public required string Tolerance { get; init; }

    /// <summary>The inputs.</summary>
    public required Domain<TInput> Domain { get; init; }

    /// <inheritdoc />
    public virtual StatementKind Kind { get; init; } = StatementKind.Inequality;

    /// <summary>What the margins are measured in, e.g. "relative to the size of the terms of M(x*)".</summary>
    public string MarginUnit { get; init; } = "in units of the relation's scale";

    /// <summary>
    /// True when the statement is "for almost every input": a counterexample refutes only when it is an open set; a
    /// degenerate one (a tie, a zero, a measure-zero set) is reported as an exception the hedge allows.
    /// </summary>
    public bool AlmostEverywhere { get; init; }

    /// <summary>
    /// Distinct accepted inputs below which the verdict is inconclusive instead of holds or vacuous (a formalization
    /// that accepts almost nothing has not been tested). Default <see cref="DefaultMinimumDistinctInputs"/>.
    /// </summary>
    public int MinimumDistinctInputs { get; init; } = DefaultMinimumDistinctInputs;

    /// <summary>
    /// Boxes the statement can be proved on by interval branch-and-bound (pieces that together cover what is proved);
    /// empty: the statement is only searched.
    /// </summary>
    public IReadOnlyList<ProofDomain<TInput>> Proofs { get; init; } = [];

    /// <summary>The default of <see cref="MinimumDistinctInputs"/>.</summary>
    public const int DefaultMinimumDistinctInputs = 20;

    /// <summary>The hypotheses (<see cref="Assume"/>) and the relation, in arithmetic <typeparamref name="T"/>.</summary>
    public abstract Relation<T> Evaluate<T>(TInput input) where T : IReal<T>;

    /// <summary>What the code under test returned at a counterexample (e.g. an optimizer's step), for the report.</summary>
    public virtual IReadOnlyList<NamedValue> Outputs(TInput input) => [];

    /// <summary>One sentence on what breaks at a certified counterexample.</summary>
    public virtual string Explain(TInput input) => "The statement fails at these inputs.";

    /// <inheritdoc />
    public virtual FormalizationResult Run(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Search<TInput>(this, settings.Validated()).Run();
    }
}
