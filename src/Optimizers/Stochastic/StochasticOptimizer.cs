using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// One run's update rule of a gradient-driven optimizer: at step t it asks for one gradient sample and returns Δθ. The
/// state (moments, batch size, a learned preconditioner) lives in the rule, so a caller without an objective (LODO's
/// meta-step on its hypergradient, lodo.md Algorithm 1) can drive the same rule a <see cref="StochasticOptimizer"/> runs.
/// </summary>
public interface IStepRule
{
    /// <summary>The batch size of the next sample.</summary>
    int BatchSize { get; }

    /// <summary>Δθ_t from the sample drawn at θ_t (t counts from 0).</summary>
    Vector<double> Step(Vector<double> theta, GradientSample sample, int t);
}

/// <summary>
/// Base class for optimizers driven by stochastic gradients (thesis chapters 3–5). A run opens the objective's sampler
/// (<see cref="GradientSamplers.Open"/>: exact gradients for a deterministic objective) and keeps per-run state, so one
/// optimizer value can be started many times and every run of a seeded objective replays the same trajectory. Every
/// gradient-driven optimizer with state derives from it (SGD, Adam, momentum, SVAG, …): on a deterministic objective the
/// sampler returns ∇f(θ), and on a moving one (the noisy bowl of lodo.md §5.1) it returns the gradient of the objective at
/// the time of the step.
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
        var theta = OptimizerArguments.StartingPoint(objective, theta0);
        return new Run(CreateRule(objective, objective.Dimension), GradientSamplers.Open(objective), theta);
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
