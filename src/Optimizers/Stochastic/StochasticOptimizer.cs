using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Base class for optimizers driven by stochastic gradients (thesis chapters 3–5). A run opens the objective's sampler
/// (<see cref="GradientSamplers.Open"/>: exact gradients for a deterministic objective) and keeps per-run state, so one
/// optimizer value can be started many times and every run of a seeded objective replays the same trajectory.
/// </summary>
public abstract class StochasticOptimizer : IOptimizer
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Fresh per-run state (moving averages, batch size) for a problem of dimension <paramref name="dimension"/>.</summary>
    protected abstract IStepRule CreateRule(IObjective objective, int dimension);

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta0, nameof(theta0));
        Require.SameLength(objective.Dimension, theta0.Count, nameof(theta0));
        return new Run(CreateRule(objective, objective.Dimension), GradientSamplers.Open(objective), theta0.Clone());
    }

    /// <summary>One run's update rule: at step t it asks for one sample and returns Δθ.</summary>
    protected interface IStepRule
    {
        /// <summary>The batch size of the next sample.</summary>
        int BatchSize { get; }

        /// <summary>Δθ_t from the sample drawn at θ_t (t counts from 0).</summary>
        Vector<double> Step(Vector<double> theta, GradientSample sample, int t);
    }

    private sealed class Run(IStepRule rule, IGradientSampler sampler, Vector<double> theta) : IOptimizerRun
    {
        public Vector<double> Theta => theta.Clone();

        public int Iteration { get; private set; }

        public Vector<double> Step()
        {
            var sample = sampler.Sample(theta, rule.BatchSize);
            var delta = rule.Step(theta, sample, Iteration);
            theta = theta + delta;
            Iteration++;
            return delta;
        }
    }
}
