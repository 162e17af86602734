using FsCheck;
using Outcome = Verification.Claims.Model.Outcome;
using Verification.Claims.Model;

namespace Verification.Claims.Engine;

/// <summary>
/// A formalization over a domain type: a generator that reaches the claim's boundaries, hand-picked edge
/// cases, a double-precision predicate returning an <see cref="Outcome"/> with a margin, an exact
/// certifier, and a local perturbation the search climbs with (<see cref="MarginSearch{TInput}"/>).
/// </summary>
public abstract class Formalization<TInput> : Verification.Engine.IFormalization where TInput : notnull
{
    /// <inheritdoc />
    public abstract string Name { get; init; }

    /// <inheritdoc />
    public abstract string Description { get; init; }

    /// <inheritdoc />
    public abstract string Tolerance { get; init; }

    /// <summary>Random inputs, biased toward the statement's boundaries.</summary>
    public abstract Gen<TInput> Generator { get; init; }

    /// <summary>Inputs always tried first: the boundaries the statement names.</summary>
    public virtual IEnumerable<TInput> EdgeCases => [];

    /// <summary>Evaluates the statement in double precision.</summary>
    public abstract Outcome Evaluate(TInput input);

    /// <summary>Re-evaluates an apparent violation exactly (rational or outward-rounded interval arithmetic).</summary>
    public abstract Certificate Certify(TInput input);

    /// <summary>A nearby input, for climbing on the margin. The default makes no move.</summary>
    public virtual TInput Perturb(TInput input, System.Random random) => input;

    /// <summary>The input as named round-trip values.</summary>
    public abstract IReadOnlyList<NamedValue> Describe(TInput input);

    /// <summary>One sentence on what breaks at a certified counterexample.</summary>
    public virtual string Explain(TInput input) => "The statement fails at these inputs.";

    /// <inheritdoc />
    public virtual Verification.Engine.StatementKind Kind => Verification.Engine.StatementKind.Inequality;

    /// <summary>Runs the legacy search (a double side and an exact side written apart) until this formalization is rewritten as a Statement.</summary>
    public LegacyResult RunLegacy(int budget, ulong seed) => new MarginSearch<TInput>(this).Run(budget, seed);

    /// <inheritdoc />
    public Verification.Engine.FormalizationResult Run(Verification.Engine.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return LegacyAdapter.Map(RunLegacy(settings.Budget, settings.Seed ^ settings.ClaimSeed), Kind);
    }
}
