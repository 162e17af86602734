namespace Verification.Optimizers.Guarantees;

/// <summary>
/// One property an optimizer claims for its step Δθ = θ₁ − θ₀ of a fresh run (the first <see cref="IOptimizerRun.Step"/>
/// after <see cref="IOptimizer.Start"/>). A guarantee is data: a stable <see cref="Id"/> the checks are keyed by, and
/// the statement in words with the paper label it comes from. Verification.Checks turns each kind into a search for a
/// counterexample; the kinds are a closed set so that every declaration has a check.
/// </summary>
public abstract record Guarantee
{
    private protected Guarantee()
    {
    }

    /// <summary>A stable identifier of the kind, e.g. <c>descent-on-convex-quadratics</c> (used in reports and by the CLI).</summary>
    public abstract string Id { get; }

    /// <summary>The statement in words, with its hypotheses and the parameters declared.</summary>
    public abstract string Statement { get; }
}
