using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;

namespace Verification.Checks.Search;

/// <summary>The first step of a fresh run, with what went wrong instead of an exception.</summary>
/// <param name="Step">Δθ, or null.</param>
/// <param name="Rejected">The message of a documented rejection (<see cref="IsDocumentedRejection"/>).</param>
/// <param name="Crash">Anything else that went wrong: another exception (type and message), a null step or one of the wrong length.</param>
internal sealed record OptimizerStep(Vector<double>? Step, string? Rejected, string? Crash)
{
    /// <summary>The parameter names of <see cref="IOptimizer.Start"/> and <see cref="StatelessOptimizer.Update"/>.</summary>
    internal static readonly string[] DocumentedParameters = ["objective", "theta0", "theta"];

    /// <summary>
    /// A documented rejection of bad input: an <see cref="ArgumentException"/> whose ParamName names a parameter of the
    /// optimizer's entry points (<c>objective</c>, <c>theta0</c>, <c>theta</c>), e.g.
    /// <c>throw new ArgumentException("…", nameof(theta0))</c>. Any other exception, including an ArgumentException from
    /// deeper down (a dimension mismatch inside a vector library), is a failure of the optimizer.
    /// </summary>
    internal static bool IsDocumentedRejection(Exception e) =>
        e is ArgumentException a && a.ParamName is { } p && DocumentedParameters.Contains(p, StringComparer.Ordinal);

    /// <summary>"Type: message" of an exception from the optimizer (the original type for one from another process).</summary>
    internal static string Describe(Exception e) => e switch
    {
        UserCodeException u => u.TypeName + ": " + FirstLine(u.Message),
        UserArgumentException u => u.TypeName + ": " + FirstLine(u.Message),
        _ => e.GetType().Name + ": " + FirstLine(e.Message),
    };

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r', ' ');

    /// <summary>Starts <paramref name="optimizer"/> at θ on <paramref name="objective"/> and takes one step.</summary>
    internal static OptimizerStep Take(IOptimizer optimizer, IObjective objective, Vector<double> theta)
    {
        var t = OptimizerTrajectory.Run(optimizer, objective, theta, 1, recordIterates: false);
        return t.Steps.Count == 1 && t.Crash is null
            ? new OptimizerStep(t.Steps[0], null, null)
            : new OptimizerStep(null, t.Rejected, t.Crash ?? (t.Rejected is null ? "no step" : null));
    }

    /// <summary>The step when it exists and is finite; otherwise why not (for properties other than finite-steps).</summary>
    internal string? Problem =>
        Rejected is not null ? "the optimizer rejected the input: " + Rejected
        : Crash is not null ? "the optimizer failed (see finite-steps): " + Crash
        : Step!.All(double.IsFinite) ? null
        : "the step is not finite (see finite-steps)";
}

/// <summary>
/// One run of up to T steps from a fresh start, recorded: the steps Δθ_t, the iterates θ_t the run reports
/// (<see cref="IOptimizerRun.Theta"/>), and why it stopped early (a documented rejection, a failure, a non-finite
/// step, or the caller's <c>stop</c> predicate on θ_t, e.g. where the test problem itself is no longer finite).
/// </summary>
/// <param name="Iterates">θ₀, θ₁, … (θ_{t+1} as the run reports it after step t); empty unless recorded.</param>
/// <param name="Steps">Δθ₀, Δθ₁, … (the last one may be non-finite).</param>
/// <param name="Rejected">A documented rejection at step <see cref="Steps"/>.Count.</param>
/// <param name="Crash">A failure at step <see cref="Steps"/>.Count: another exception, a null step, a step of the wrong length.</param>
internal sealed record OptimizerTrajectory(IReadOnlyList<Vector<double>> Iterates, IReadOnlyList<Vector<double>> Steps, string? Rejected, string? Crash)
{
    /// <summary>Runs <paramref name="optimizer"/> from θ₀ for at most <paramref name="steps"/> steps.</summary>
    internal static OptimizerTrajectory Run(
        IOptimizer optimizer, IObjective objective, Vector<double> theta0, int steps, bool recordIterates = true, Func<Vector<double>, bool>? stop = null)
    {
        var iterates = new List<Vector<double>> { theta0.Clone() };
        var deltas = new List<Vector<double>>();
        int n = theta0.Count;
        try
        {
            var run = optimizer.Start(objective, theta0.Clone());
            if (run is null)
                return new OptimizerTrajectory(iterates, deltas, null, "Start() returned null");
            for (int t = 0; t < steps; t++)
            {
                var step = run.Step();
                if (step is null)
                    return new OptimizerTrajectory(iterates, deltas, null, $"Step() returned null at step t = {t}");
                if (step.Count != n)
                    return new OptimizerTrajectory(iterates, deltas, null, $"Step() returned a vector of length {step.Count} for n = {n} at step t = {t}");
                deltas.Add(step.Clone());
                if (!step.All(double.IsFinite) || t + 1 == steps && !recordIterates)
                    break;
                var theta = run.Theta;
                if (theta is null || theta.Count != n)
                    return new OptimizerTrajectory(iterates, deltas, null, $"Theta returned {(theta is null ? "null" : $"a vector of length {theta.Count}")} for n = {n} after step t = {t}");
                iterates.Add(theta.Clone());
                if (!theta.All(double.IsFinite) || stop is not null && stop(theta))
                    break;
            }
            return new OptimizerTrajectory(iterates, deltas, null, null);
        }
        catch (Exception e) when (IsDocumented(e))
        {
            return new OptimizerTrajectory(iterates, deltas, e.Message, null);
        }
#pragma warning disable CA1031 // A user's optimizer may throw anything; the check reports it instead of crashing.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new OptimizerTrajectory(iterates, deltas, null, OptimizerStep.Describe(e) + $" at step t = {deltas.Count}");
        }
    }

    private static bool IsDocumented(Exception e) => OptimizerStep.IsDocumentedRejection(e);
}
