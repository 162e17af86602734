namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The <see cref="IOptimizer.Start"/> contract: every run starts with fresh state. A run on f from θ₀ replays
/// bit for bit after another run (on a different problem) has been started and stepped, so momentum, moment estimates
/// or step counters do not leak between runs. Always required by <c>check-optimizer</c>, like finite steps.
/// </summary>
public sealed record FreshRuns : Guarantee
{
    /// <inheritdoc />
    public override string Id => "fresh-runs";

    /// <inheritdoc />
    public override string Statement =>
        "For every objective f and θ₀: a run started on (f, θ₀) after a run on another problem has been stepped takes bit for bit the same steps as the first run on (f, θ₀) (IOptimizer.Start gives fresh state).";
}
