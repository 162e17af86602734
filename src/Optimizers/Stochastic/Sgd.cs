using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>SGD (thesis eq. 3.7): θ_{t+1} = θ_t − α g_t with a minibatch gradient g_t of m samples (eq. 3.6).</summary>
public sealed class Sgd : StochasticOptimizer
{
    /// <summary>SGD with step size α &gt; 0 and batch size m ≥ 1.</summary>
    public Sgd(double stepSize, int batchSize = 1)
    {
        StepSize = Require.Positive(stepSize, nameof(stepSize));
        if (batchSize < 1)
            throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
        BatchSize = batchSize;
    }

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <summary>m.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public override string Name => $"sgd(α={Require.Show(StepSize)}, m={BatchSize})";

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(this);

    private sealed class Rule(Sgd sgd) : IStepRule
    {
        public int BatchSize => sgd.BatchSize;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t) => -sgd.StepSize * sample.Gradient;
    }
}
