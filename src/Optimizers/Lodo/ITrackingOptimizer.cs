using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.Lodo;

/// <summary>
/// An optimizer driven by gradients alone, step by step, so that it can run on a moving objective such as the noisy
/// quadratic bowl (lodo.md §5.1), where each gradient belongs to the objective at the time it is evaluated.
/// </summary>
public interface ITrackingOptimizer
{
    /// <summary>A short, stable name with the hyperparameters.</summary>
    string Name { get; }

    /// <summary>Starts at x₀ with g₀ = ∇f₀(x₀).</summary>
    ITrackingRun Start(Vector<double> x0, Vector<double> g0);
}

/// <summary>One run: propose x_{t+1}, then receive ∇f_{t+1}(x_{t+1}).</summary>
public interface ITrackingRun
{
    /// <summary>x_t.</summary>
    Vector<double> X { get; }

    /// <summary>The next iterate x_{t+1} (not yet accepted).</summary>
    Vector<double> Propose();

    /// <summary>Receives ∇f_{t+1}(x_{t+1}) and moves to x_{t+1}.</summary>
    void Accept(Vector<double> gradient);
}

/// <summary>Runs an <see cref="ITrackingOptimizer"/> on a fixed <see cref="IObjective"/> behind <see cref="IOptimizer"/>.</summary>
public static class TrackingAdapter
{
    /// <summary>Starts <paramref name="optimizer"/> on <paramref name="objective"/> at θ₀.</summary>
    public static IOptimizerRun Start(ITrackingOptimizer optimizer, IObjective objective, Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(objective);
        Verification.Numerics.Require.Finite(theta0, nameof(theta0));
        Verification.Numerics.Require.SameLength(objective.Dimension, theta0.Count, nameof(theta0));
        return new Run(optimizer.Start(theta0.Clone(), objective.Gradient(theta0)), objective);
    }

    private sealed class Run(ITrackingRun run, IObjective objective) : IOptimizerRun
    {
        private Vector<double>? diverged;

        public Vector<double> Theta => (diverged ?? run.X).Clone();

        public int Iteration { get; private set; }

        public Vector<double> Step()
        {
            var before = diverged ?? run.X;
            var next = diverged ?? run.Propose();
            if (diverged is not null || !next.All(double.IsFinite))
            {
                // A non-finite iterate is reported through Theta (Trajectory.Record stops on it), never fed to the oracle.
                diverged = next;
                Iteration++;
                return next - before;
            }
            run.Accept(objective.Gradient(next));
            Iteration++;
            return next - before;
        }
    }
}
