using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;

namespace Verification.Checks.Search;

/// <summary>The first step of a fresh run, with what went wrong instead of an exception.</summary>
/// <param name="Step">Δθ, or null.</param>
/// <param name="Rejected">The message of an <see cref="ArgumentException"/> (the optimizer refused the input, as the interface allows).</param>
/// <param name="Crash">Any other exception (type and message).</param>
internal sealed record OptimizerStep(Vector<double>? Step, string? Rejected, string? Crash)
{
    /// <summary>Starts <paramref name="optimizer"/> at θ on <paramref name="objective"/> and takes one step.</summary>
    internal static OptimizerStep Take(IOptimizer optimizer, IObjective objective, Vector<double> theta)
    {
        try
        {
            var run = optimizer.Start(objective, theta);
            var step = run.Step();
            return step is null
                ? new OptimizerStep(null, null, "Step() returned null")
                : step.Count != theta.Count
                    ? new OptimizerStep(null, null, $"Step() returned a vector of length {step.Count} for n = {theta.Count}")
                    : new OptimizerStep(step.Clone(), null, null);
        }
        catch (ArgumentException e)
        {
            return new OptimizerStep(null, e.Message, null);
        }
#pragma warning disable CA1031 // A user's optimizer may throw anything; the check reports it instead of crashing.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new OptimizerStep(null, null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>The step when it exists and is finite; otherwise why not (for properties other than finite-steps).</summary>
    internal string? Problem =>
        Rejected is not null ? "the optimizer rejected the input: " + Rejected
        : Crash is not null ? "the optimizer threw (see finite-steps): " + Crash
        : Step!.All(double.IsFinite) ? null
        : "the step is not finite (see finite-steps)";
}
