namespace Verification.Engine;

/// <summary>One executable reading of a claim: what the engine runs.</summary>
public interface IFormalization
{
    /// <summary>Short name, unique within its claim, e.g. "m-le-M".</summary>
    string Name { get; }

    /// <summary>One sentence: what is checked, with its quantifiers.</summary>
    string Description { get; }

    /// <summary>The double-precision allowance and why (certification is exact regardless).</summary>
    string Tolerance { get; }

    /// <summary>The kind of statement.</summary>
    StatementKind Kind { get; }

    /// <summary>Searches for a counterexample; deterministic for given settings.</summary>
    FormalizationResult Run(RunSettings settings);
}

/// <summary>The settings of one run.</summary>
/// <param name="Budget">Evaluations per formalization for the random and climbing phases (edge cases come on top).</param>
/// <param name="Seed">The run's seed; each formalization derives its own from it, its claim's ID and its name.</param>
public sealed record RunSettings(int Budget, ulong Seed)
{
    /// <summary>
    /// The error probability allowed to each statistical test (a confidence interval that excludes the claimed value
    /// refutes); the catalog sets it so that the union bound over every test of a run stays below its family-wise rate.
    /// </summary>
    public double StatisticalDelta { get; init; } = 1e-9;

    /// <summary>
    /// How many inputs a formalization may send to exact arithmetic (each distinct double violation is one); null: the
    /// larger of 256 and the budget. Violations beyond it are unexamined and make the verdict inconclusive.
    /// </summary>
    public int? MaxExactEvaluations { get; init; }

    /// <summary>
    /// The work one input's exact re-evaluation may spend, all precisions together, in word products
    /// (<see cref="Verification.Numerics.Arithmetic.ExactWork"/>); null: <see cref="DefaultMaxExactWork"/>. An input that
    /// reaches it is undecided, and the verdict inconclusive, however long a machine would have taken.
    /// </summary>
    public long? MaxExactWork { get; init; }

    /// <summary>
    /// The default <see cref="MaxExactWork"/>, 2^32 word products: a few seconds on this project's CI machines. At seed 7 the
    /// catalog's costliest exact re-evaluation took 2^24.8, all of them together 2^29.2; one tanh-model input at 2048 bits
    /// 2^28.3 (stop 32).
    /// </summary>
    public const long DefaultMaxExactWork = 1L << 32;

    /// <summary>
    /// The exact work one proof domain may spend, all its boxes together, in the same word products as
    /// <see cref="MaxExactWork"/>; null: each domain's own <see cref="ProofDomain{TInput}.MaxWork"/>. Where both are set the
    /// smaller applies, so a run can lower every proof's budget without editing the catalog. A proof that reaches it stops
    /// at that box, undecided boxes left, never "proved".
    /// </summary>
    public long? MaxProofWork { get; init; }

    /// <summary>Whether statements with proof domains are also proved (interval branch-and-bound) when the search finds nothing.</summary>
    public bool Prove { get; init; } = true;

    /// <summary>The stream the claim's formalizations share: the run's seed mixed with the claim's ID.</summary>
    public ulong ClaimSeed { get; init; }

    /// <summary>Validated settings.</summary>
    /// <exception cref="ArgumentException">budget &lt; 1, a negative exact budget, a work budget that is not positive, or a delta outside (0, 1).</exception>
    public RunSettings Validated()
    {
        if (Budget < 1)
            throw new ArgumentException($"budget must be ≥ 1, got {Budget}.", nameof(Budget));
        if (MaxExactEvaluations is < 0)
            throw new ArgumentException($"the exact budget must be ≥ 0, got {MaxExactEvaluations}.", nameof(MaxExactEvaluations));
        if (MaxExactWork is <= 0)
            throw new ArgumentException($"the exact work budget must be positive, got {MaxExactWork}.", nameof(MaxExactWork));
        if (MaxProofWork is <= 0)
            throw new ArgumentException($"the proof work budget must be positive, got {MaxProofWork}.", nameof(MaxProofWork));
        if (!(StatisticalDelta > 0 && StatisticalDelta < 1))
            throw new ArgumentException($"the statistical delta must be in (0, 1), got {StatisticalDelta}.", nameof(StatisticalDelta));
        return this;
    }
}
