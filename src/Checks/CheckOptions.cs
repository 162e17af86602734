namespace Verification.Checks;

/// <summary>How hard to search: inputs per property and the replay seed.</summary>
/// <param name="Budget">Evaluations per property before shrinking (≥ 1).</param>
/// <param name="Seed">The seed: the same seed and budget reproduce every result.</param>
public sealed record CheckOptions(int Budget = CheckOptions.DefaultBudget, ulong Seed = CheckOptions.DefaultSeed)
{
    /// <summary>Enough to reach the edge cases and climb; a few seconds per optimizer.</summary>
    public const int DefaultBudget = 300;

    /// <summary>The default replay seed.</summary>
    public const ulong DefaultSeed = 20261123;

    /// <summary>Throws <see cref="ArgumentException"/> unless the budget is ≥ 1.</summary>
    public CheckOptions Validated() => Budget >= 1 ? this : throw new ArgumentException($"Budget must be ≥ 1, got {Budget}.", nameof(Budget));
}
