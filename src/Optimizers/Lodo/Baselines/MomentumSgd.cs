using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo.Baselines;

/// <summary>
/// Momentum SGD, x_{t+1} = x_t − lr·m_t, in one of two forms: dampened (the EMA form LODO itself uses, Algorithm 1 with
/// G = lr·I), m_t = βm_{t−1} + (1 − β)g_t; or undampened (heavy ball, PyTorch's default), m_t = βm_{t−1} + g_t. The paper's
/// "Momentum" baseline does not state its form. With Table 6's values the dampened form reproduces Table 8 (Rosenbrock,
/// steps 180–200: 0.0135 vs 0.01397) and the undampened one Table 1 (bowl: 16.4 vs 16.59), but not the other way round.
/// </summary>
public sealed class MomentumSgd(double learningRate, double beta, bool dampened = true) : IOptimizer, ITrackingOptimizer
{
    private readonly double lr = Require.NonNegative(learningRate, nameof(learningRate));
    private readonly double b = MovingAverages.RequireBeta(beta, nameof(beta));

    /// <inheritdoc cref="IOptimizer.Name" />
    public string Name => $"momentum(lr={Require.Show(lr)},β={Require.Show(b)}{(dampened ? "" : ",heavy-ball")})";

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => TrackingAdapter.Start(this, objective, theta0);

    /// <inheritdoc />
    public ITrackingRun Start(Vector<double> x0, Vector<double> g0) => new Run(lr, b, dampened ? 1 - b : 1, Require.Finite(x0, nameof(x0)).Clone(), Require.Finite(g0, nameof(g0)).Clone());

    private sealed class Run(double lr, double beta, double gain, Vector<double> x, Vector<double> g) : ITrackingRun
    {
        private Vector<double> m = Vector<double>.Build.Dense(x.Count);
        private Vector<double>? proposal;

        public Vector<double> X => x.Clone();

        public Vector<double> Propose()
        {
            m = beta * m + gain * g;
            proposal = x - lr * m;
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
