using MathNet.Numerics.LinearAlgebra;
using Verification.Math;

namespace Verification.Optimizers.Sign;

/// <summary>
/// Norm-scaled sign gradient descent, balles-thesis eq. (6.10): Δθ = −(‖∇f(θ)‖₁ / L∞)·sign(∇f(θ)), steepest descent
/// w.r.t. the maximum norm (eq. 6.9) for an L∞-smooth f. sign(0) = 0; with it the step is still a minimizer of eq. (6.9)
/// (any value in [−r, r] is optimal in a coordinate with zero partial derivative).
/// </summary>
public sealed class NormScaledSignGradientDescent : StatelessOptimizer
{
    /// <summary>Creates the method with smoothness constant <paramref name="lInfinity"/> (L∞ of eq. 6.3).</summary>
    /// <exception cref="ArgumentException"><paramref name="lInfinity"/> is not a finite positive number.</exception>
    public NormScaledSignGradientDescent(double lInfinity) => LInfinity = Require.Positive(lInfinity, nameof(lInfinity));

    /// <summary>L∞.</summary>
    public double LInfinity { get; }

    /// <inheritdoc />
    public override string Name => $"norm-scaled-sign-gd(L∞={Require.Show(LInfinity)})";

    /// <summary>The step of eq. (6.10) for a gradient g: −(‖g‖₁/L∞)·sign(g).</summary>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> is non-finite.</exception>
    public Vector<double> StepFor(Vector<double> gradient)
    {
        Require.Finite(gradient, nameof(gradient));
        double radius = gradient.L1Norm() / LInfinity;
        return gradient.Map(gi => -radius * System.Math.Sign(gi));
    }

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return StepFor(objective.Gradient(theta));
    }
}
