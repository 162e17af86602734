using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Momentum SGD, x_{t+1} = x_t − lr·m_t, in one of two forms: dampened (the EMA form LODO itself uses, Algorithm 1 with
/// G = lr·I), m_t = βm_{t−1} + (1 − β)g_t; or undampened (heavy ball, PyTorch's default), m_t = βm_{t−1} + g_t. The paper's
/// "Momentum" baseline does not state its form. With Table 6's values the dampened form reproduces Table 8 (Rosenbrock,
/// steps 180–200: 0.0135 vs 0.01397) and the undampened one Table 1 (bowl: 16.4 vs 16.59), but not the other way round.
/// </summary>
public sealed class MomentumSgd(double learningRate, double beta, bool dampened = true) : StochasticOptimizer
{
    private readonly double lr = Require.NonNegative(learningRate, nameof(learningRate));
    private readonly double b = MovingAverages.RequireBeta(beta, nameof(beta));

    /// <inheritdoc />
    public override string Name => $"momentum(lr={Require.Show(lr)},β={Require.Show(b)}{(dampened ? "" : ",heavy-ball")})";

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(lr, b, dampened ? 1 - b : 1, dimension);

    private sealed class Rule(double lr, double beta, double gain, int dimension) : IStepRule
    {
        private Vector<double> m = Vector<double>.Build.Dense(dimension);

        public int BatchSize => 1;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            m = beta * m + gain * sample.Gradient;
            return -(lr * m); // x + (−(lr·m)) rounds exactly as x − lr·m
        }
    }
}
