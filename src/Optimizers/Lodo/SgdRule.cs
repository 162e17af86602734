using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Lodo;

/// <summary>Plain SGD, Δ = −α·g: the meta-step of the simplified LODO of lodo.md §4.1.</summary>
public sealed class SgdRule : IUpdateRule
{
    private readonly double learningRate;

    /// <summary>α ≥ 0.</summary>
    public SgdRule(double learningRate) => this.learningRate = Require.NonNegative(learningRate, nameof(learningRate));

    /// <inheritdoc />
    public Vector<double> Step(Vector<double> gradient)
    {
        Require.Finite(gradient, nameof(gradient));
        return -learningRate * gradient;
    }
}
