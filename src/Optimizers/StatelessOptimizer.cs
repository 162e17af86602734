using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers;

/// <summary>
/// Base class for optimizers whose step depends only on the oracle at the current iterate (GD, Newton,
/// ELMO, sign descent, …): implement <see cref="Update"/>, and runs come for free.
/// </summary>
public abstract class StatelessOptimizer : IOptimizer
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The step Δθ at θ. Must be finite for finite θ, or throw <see cref="ArgumentException"/>.</summary>
    public abstract Vector<double> Update(IObjective objective, Vector<double> theta);

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) =>
        new Run(this, objective, OptimizerArguments.StartingPoint(objective, theta0));

    private sealed class Run(StatelessOptimizer optimizer, IObjective objective, Vector<double> theta) : IOptimizerRun
    {
        public Vector<double> Theta => theta.Clone();

        public int Iteration { get; private set; }

        public Vector<double> Step()
        {
            var delta = optimizer.Update(objective, theta);
            theta = theta + delta;
            Iteration++;
            return delta;
        }
    }
}
