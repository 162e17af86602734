using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Adam (thesis eqs. 5.1–5.4): m̃_t = β₁m̃_{t−1} + (1 − β₁)g_t, ṽ_t = β₂ṽ_{t−1} + (1 − β₂)g_t², bias-corrected
/// m_t = m̃_t/(1 − β₁^(t+1)), v_t = ṽ_t/(1 − β₂^(t+1)), and θ_{t+1} = θ_t − α m_t/(√v_t + ε).
/// </summary>
public sealed class Adam : StochasticOptimizer
{
    /// <summary>Adam with α &gt; 0, β₁, β₂ ∈ [0, 1), ε ≥ 0 and batch size m ≥ 1.</summary>
    public Adam(double stepSize, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, int batchSize = 1)
    {
        StepSize = Require.Positive(stepSize, nameof(stepSize));
        Beta1 = MovingAverages.RequireBeta(beta1, nameof(beta1));
        Beta2 = MovingAverages.RequireBeta(beta2, nameof(beta2));
        Epsilon = Require.NonNegative(epsilon, nameof(epsilon));
        if (batchSize < 1)
            throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
        BatchSize = batchSize;
    }

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>m.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public override string Name =>
        $"adam(α={Require.Show(StepSize)}, β1={Require.Show(Beta1)}, β2={Require.Show(Beta2)}, ε={Require.Show(Epsilon)}, m={BatchSize})";

    /// <summary>
    /// Adam's direction m/(√v + ε) per coordinate; with ε = 0 and v = 0 (then m = 0 as well) the direction is 0, the
    /// limit along any sequence with v ≥ m².
    /// </summary>
    public static double Direction(double m, double v, double epsilon)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        Require.NonNegative(epsilon, nameof(epsilon));
        double denominator = Math.Sqrt(v) + epsilon;
        return denominator == 0 ? 0 : m / denominator;
    }

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(this, dimension);

    private sealed class Rule(Adam adam, int dimension) : IStepRule
    {
        private readonly MovingAverages first = new(adam.Beta1, dimension);
        private readonly MovingAverages second = new(adam.Beta2, dimension);

        public int BatchSize => adam.BatchSize;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            var g = sample.Gradient;
            first.Add(g);
            second.Add(g.PointwiseMultiply(g));
            var m = first.BiasCorrected;
            var v = second.BiasCorrected;
            return Vector<double>.Build.Dense(dimension, i => -adam.StepSize * Direction(m[i], v[i], adam.Epsilon));
        }
    }
}
