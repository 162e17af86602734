using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo.Baselines;

/// <summary>The Adam baseline of lodo.md §5: x_{t+1} = x_t + AdamRule(g_t).</summary>
public sealed class Adam(double learningRate, double beta1, double beta2, double epsilon = 1e-8) : IOptimizer, ITrackingOptimizer
{
    private readonly double lr = Require.NonNegative(learningRate, nameof(learningRate));
    private readonly double b1 = MovingAverages.RequireBeta(beta1, nameof(beta1));
    private readonly double b2 = MovingAverages.RequireBeta(beta2, nameof(beta2));
    private readonly double eps = Require.Positive(epsilon, nameof(epsilon));

    /// <inheritdoc cref="IOptimizer.Name" />
    public string Name => $"adam(lr={Require.Show(lr)},β1={Require.Show(b1)},β2={Require.Show(b2)})";

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => TrackingAdapter.Start(this, objective, theta0);

    /// <inheritdoc />
    public ITrackingRun Start(Vector<double> x0, Vector<double> g0) =>
        new Run(new AdamRule(lr, b1, b2, eps), Require.Finite(x0, nameof(x0)).Clone(), Require.Finite(g0, nameof(g0)).Clone());

    private sealed class Run(AdamRule rule, Vector<double> x, Vector<double> g) : ITrackingRun
    {
        private Vector<double>? proposal;

        public Vector<double> X => x.Clone();

        public Vector<double> Propose()
        {
            proposal = x + rule.Step(g);
            return proposal.Clone();
        }

        public void Accept(Vector<double> gradient)
        {
            x = proposal ?? throw new InvalidOperationException("Accept needs a preceding Propose.");
            g = Require.Finite(gradient, nameof(gradient)).Clone();
            proposal = null;
        }
    }
}
