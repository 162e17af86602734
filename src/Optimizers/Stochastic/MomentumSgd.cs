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

        /// <summary>
        /// m ← βm + gain·g, Δ = −lr·m. The first step is within 3 ulp of −lr·(1 − β)·g (or of −lr·g undampened) where m is
        /// normal. Later steps are accurate in absolute terms only: fl(βm) + fl(gain·g) can cancel, so
        /// |m̂ − m| ≤ u|m̂| + γ₂(|βm| + |gain·g|) and Δ's relative error is unbounded (β = 0.9, lr = 1, gradients 10 then −9:
        /// Δ₂ = 0, exact −2.2e-17); a subnormal m carries an absolute error of up to 2^-1074 that lr scales. A non-finite g_i, or an m or Δ entry beyond double.MaxValue, is an
        /// ArgumentException naming the gradient with m unchanged (a NaN or ∞ entry gave a NaN or ±∞ step).
        /// </summary>
        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            var g = Require.Finite(sample.Gradient, "gradient");
            var next = beta * m + gain * g;
            var step = -(lr * next); // x + (−(lr·m)) rounds exactly as x − lr·m
            for (int i = 0; i < step.Count; i++)
                if (!double.IsFinite(next[i]) || !double.IsFinite(step[i]))
                    throw new ArgumentException(
                        $"momentum's m or step −lr·m has entry {i} beyond the double range (|·| > double.MaxValue: m_i = {Require.Show(next[i])}, lr = {Require.Show(lr)}).",
                        "gradient");
            m = next;
            return step;
        }
    }
}
