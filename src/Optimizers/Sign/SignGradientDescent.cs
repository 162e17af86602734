using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Sign;

/// <summary>
/// Sign gradient descent, balles-thesis eq. (6.1): Δθ = −α·sign(∇f(θ)) elementwise, with a fixed step size α &gt; 0 and
/// sign(0) = 0 (a coordinate whose partial derivative is exactly zero does not move).
/// </summary>
public sealed class SignGradientDescent : StatelessOptimizer
{
    /// <summary>Creates sign-GD with step size <paramref name="stepSize"/> (α of eq. 6.1).</summary>
    /// <exception cref="ArgumentException"><paramref name="stepSize"/> is not a finite positive number.</exception>
    public SignGradientDescent(double stepSize) => StepSize = Require.Positive(stepSize, nameof(stepSize));

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <inheritdoc />
    public override string Name => $"sign-gd(α={Require.Show(StepSize)})";

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var g = objective.Gradient(theta);
        return g.Map(gi => -StepSize * Math.Sign(gi));
    }
}
