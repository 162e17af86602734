using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo;

/// <summary>Plain SGD, Δ = −α·g: the meta-step of the simplified LODO of lodo.md §4.1.</summary>
public sealed class SgdRule : IStepRule
{
    private readonly double learningRate;

    /// <summary>α ≥ 0.</summary>
    public SgdRule(double learningRate) => this.learningRate = Require.NonNegative(learningRate, nameof(learningRate));

    /// <inheritdoc />
    public int BatchSize => 1;

    /// <inheritdoc />
    public Vector<double> Step(Vector<double> theta, GradientSample sample, int t) => Step(sample.Gradient);

    /// <summary>Δ for <paramref name="gradient"/>, advancing the rule's state by one step.</summary>
    public Vector<double> Step(Vector<double> gradient)
    {
        Require.Finite(gradient, nameof(gradient));
        return -learningRate * gradient;
    }
}
