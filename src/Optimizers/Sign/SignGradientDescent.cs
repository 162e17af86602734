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
    /// <remarks>
    /// Exact: each entry is −α, +α or 0 (no rounding), for every gradient entry in the doubles, ±∞ included (its sign is
    /// defined). A NaN entry has no sign: an ArgumentException naming theta (Math.Sign threw an ArithmeticException).
    /// </remarks>
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var g = objective.Gradient(theta);
        for (int i = 0; i < g.Count; i++)
            if (double.IsNaN(g[i]))
                throw new ArgumentException($"theta gives a gradient whose entry {i} is NaN, which has no sign (objective {objective.Name}).", nameof(theta));
        return g.Map(gi => -StepSize * Math.Sign(gi));
    }
}
