using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.Lodo;

/// <summary>A stateful first-order update rule: a gradient in, a step Δ out (the meta-optimizer of Algorithm 1).</summary>
public interface IUpdateRule
{
    /// <summary>Δ for <paramref name="gradient"/>, advancing the rule's state by one step.</summary>
    Vector<double> Step(Vector<double> gradient);
}
