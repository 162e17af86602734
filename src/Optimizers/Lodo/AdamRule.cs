using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo;

/// <summary>
/// Adam (Kingma &amp; Ba): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², Δ = −α·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
/// LODO's meta-optimizer (Algorithm 1) and the Adam baseline of lodo.md §5.
/// </summary>
public sealed class AdamRule : IStepRule
{
    private readonly double learningRate, beta1, beta2, epsilon;
    private double[]? m, v;
    private int t;

    /// <summary>α ≥ 0, β₁, β₂ ∈ [0, 1), ε &gt; 0.</summary>
    public AdamRule(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        this.learningRate = Require.NonNegative(learningRate, nameof(learningRate));
        this.beta1 = MovingAverages.RequireBeta(beta1, nameof(beta1));
        this.beta2 = MovingAverages.RequireBeta(beta2, nameof(beta2));
        this.epsilon = Require.Positive(epsilon, nameof(epsilon));
    }

    /// <inheritdoc />
    public int BatchSize => 1;

    /// <inheritdoc />
    public Vector<double> Step(Vector<double> theta, GradientSample sample, int t) => Step(sample.Gradient);

    /// <summary>Δ for <paramref name="gradient"/>, advancing the rule's state by one step.</summary>
    public Vector<double> Step(Vector<double> gradient)
    {
        Require.Finite(gradient, nameof(gradient));
        m ??= new double[gradient.Count];
        v ??= new double[gradient.Count];
        Require.SameLength(m.Length, gradient.Count, nameof(gradient));
        t++;
        double c1 = 1 - Math.Pow(beta1, t), c2 = 1 - Math.Pow(beta2, t);
        var step = new double[m.Length];
        for (int i = 0; i < m.Length; i++)
        {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            step[i] = -learningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + epsilon);
        }
        return Vector<double>.Build.DenseOfArray(step);
    }
}
