using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers;

/// <summary>
/// An optimizer: a rule that turns oracle access to f into steps Δθ. <see cref="Start"/> begins an
/// independent run with fresh state (moments, running averages, learned preconditioners), so one
/// optimizer value can be started many times, also concurrently.
/// </summary>
public interface IOptimizer
{
    /// <summary>A short, stable name including the hyperparameters that matter (used in reports and snapshots).</summary>
    string Name { get; }

    /// <summary>Starts a run on <paramref name="objective"/> at θ₀.</summary>
    IOptimizerRun Start(IObjective objective, Vector<double> theta0);
}

/// <summary>One run of an optimizer: the current iterate and the state that produced it.</summary>
public interface IOptimizerRun
{
    /// <summary>θ_t, the current iterate (a copy; mutating it does not affect the run).</summary>
    Vector<double> Theta { get; }

    /// <summary>t, the number of steps taken.</summary>
    int Iteration { get; }

    /// <summary>Takes one step θ_{t+1} = θ_t + Δθ_t and returns Δθ_t.</summary>
    Vector<double> Step();
}

/// <summary>
/// A quasi-Newton optimizer in the sense of elmo-amos.md Definition 3: its step is −Φ(θ)∇f(θ) with a
/// symmetric positive semi-definite preconditioner Φ that it exposes.
/// </summary>
public interface IQuasiNewtonOptimizer : IOptimizer
{
    /// <summary>Φ(θ), the preconditioner at θ (Definition 3).</summary>
    Matrix<double> Preconditioner(IObjective objective, Vector<double> theta);
}

/// <summary>The argument checks that every <see cref="IOptimizer.Start"/> shares.</summary>
public static class OptimizerArguments
{
    /// <summary>
    /// Checks that <paramref name="objective"/> is given and that θ₀ is finite and has f's dimension (an
    /// <see cref="ArgumentException"/> naming theta0 otherwise), and returns a copy of θ₀ for the run to own.
    /// </summary>
    public static Vector<double> StartingPoint(IObjective objective, Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta0, nameof(theta0));
        Require.SameLength(objective.Dimension, theta0.Count, nameof(theta0));
        return theta0.Clone();
    }
}
