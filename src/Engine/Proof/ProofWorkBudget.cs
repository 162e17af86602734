namespace Verification.Engine;

/// <summary>
/// The exact work one proof domain may spend (<see cref="Verification.Numerics.Arithmetic.ExactWork"/> word products, all
/// boxes together) and the setting it came from, for the stall note: the smaller of the domain's
/// <see cref="ProofDomain{TInput}.MaxWork"/> and the run's <see cref="RunSettings.MaxProofWork"/>.
/// </summary>
internal sealed record ProofWorkBudget(long Limit, string Source)
{
    /// <summary>The budget of <paramref name="domain"/> under <paramref name="settings"/> (a tie names the run's setting).</summary>
    internal static ProofWorkBudget For<TInput>(ProofDomain<TInput> domain, RunSettings settings) where TInput : notnull =>
        settings.MaxProofWork is { } run && run <= domain.MaxWork
            ? new(run, "RunSettings.MaxProofWork")
            : new(domain.MaxWork, "ProofDomain.MaxWork");

    /// <summary>The stall note's words, e.g. <c>its exact work budget of 4,096 word products (ProofDomain.MaxWork)</c>.</summary>
    internal string Text => $"its exact work budget of {Limit:N0} word products ({Source})";
}
