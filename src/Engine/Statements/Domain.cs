using FsCheck;

namespace Verification.Engine;

/// <summary>
/// The inputs of a statement: where the search looks (an edge-biased generator and the hand-picked edge cases tried
/// first), how it moves (a local perturbation for margin climbing, simpler candidates for shrinking) and how an
/// input is written in a report (named round-trip values).
/// </summary>
public sealed class Domain<TInput> where TInput : notnull
{
    /// <summary>Random inputs, biased toward the statement's boundaries (zeros, signs, extreme magnitudes, ties).</summary>
    public required Gen<TInput> Generator { get; init; }

    /// <summary>The inputs every run tries first, in this order: the boundaries the statement names.</summary>
    public Func<IEnumerable<TInput>> Edges { get; init; } = () => [];

    /// <summary>A nearby input, for climbing on the margin; null: no climbing (the random phase gets the budget).</summary>
    public Func<TInput, System.Random, TInput>? Perturb { get; init; }

    /// <summary>Simpler inputs near a counterexample (small integers and dyadics first); null: no shrinking.</summary>
    public Func<TInput, IEnumerable<TInput>>? Shrink { get; init; }

    /// <summary>The input as named values in round-trip form: what a report prints and what makes two inputs the same.</summary>
    public required Func<TInput, IReadOnlyList<NamedValue>> Describe { get; init; }

    /// <summary>
    /// True when <see cref="Edges"/> enumerates the whole (finite) domain: then every input was seen, and the minimum
    /// number of distinct inputs does not apply.
    /// </summary>
    public bool EdgesAreExhaustive { get; init; }
}
