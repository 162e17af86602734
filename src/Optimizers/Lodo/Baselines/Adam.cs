using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo.Baselines;

/// <summary>The Adam baseline of lodo.md §5: x_{t+1} = x_t + AdamRule(g_t).</summary>
public sealed class Adam(double learningRate, double beta1, double beta2, double epsilon = 1e-8) : StochasticOptimizer
{
    private readonly double lr = Require.NonNegative(learningRate, nameof(learningRate));
    private readonly double b1 = MovingAverages.RequireBeta(beta1, nameof(beta1));
    private readonly double b2 = MovingAverages.RequireBeta(beta2, nameof(beta2));
    private readonly double eps = Require.Positive(epsilon, nameof(epsilon));

    /// <inheritdoc />
    public override string Name => $"adam(lr={Require.Show(lr)},β1={Require.Show(b1)},β2={Require.Show(b2)})";

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new AdamRule(lr, b1, b2, eps);
}
