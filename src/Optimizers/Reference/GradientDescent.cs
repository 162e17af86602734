using MathNet.Numerics.LinearAlgebra;
using Verification.Math;

namespace Verification.Optimizers.Reference;

/// <summary>Gradient descent, Δθ = −η∇f(θ), with a fixed step size η &gt; 0.</summary>
public sealed class GradientDescent : StatelessOptimizer, IQuasiNewtonOptimizer
{
    /// <summary>Creates gradient descent with step size <paramref name="stepSize"/>.</summary>
    public GradientDescent(double stepSize) => StepSize = Require.Positive(stepSize, nameof(stepSize));

    /// <summary>η.</summary>
    public double StepSize { get; }

    /// <inheritdoc />
    public override string Name => $"gd(η={Require.Show(StepSize)})";

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta) =>
        -StepSize * objective.Gradient(theta);

    /// <summary>Φ = ηI (Definition 3).</summary>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return StepSize * Matrix<double>.Build.DenseIdentity(objective.Dimension);
    }
}
