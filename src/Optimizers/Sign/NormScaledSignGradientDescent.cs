using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Guarantees;

namespace Verification.Optimizers.Sign;

/// <summary>
/// Norm-scaled sign gradient descent, balles-thesis eq. (6.10): Δθ = −(‖∇f(θ)‖₁ / L∞)·sign(∇f(θ)), steepest descent
/// w.r.t. the maximum norm (eq. 6.9) for an L∞-smooth f. sign(0) = 0; with it the step is still a minimizer of eq. (6.9)
/// (any value in [−r, r] is optimal in a coordinate with zero partial derivative). Declares steepest descent w.r.t. ℓ∞,
/// norm-scaled, α = 1/L∞ (Lemma 6.2); not rotation equivariant, not scale invariant, and it can climb along a concave
/// eigenvector off the axes (∇f = (2, −1), v ∝ (3, 5): Δθᵀv = 6, ∇fᵀv = 1), so none of those is declared.
/// </summary>
public sealed class NormScaledSignGradientDescent : StatelessOptimizer, IDeclaresGuarantees
{
    /// <summary>Creates the method with smoothness constant <paramref name="lInfinity"/> (L∞ of eq. 6.3).</summary>
    /// <exception cref="ArgumentException"><paramref name="lInfinity"/> is not a finite positive number.</exception>
    public NormScaledSignGradientDescent(double lInfinity)
    {
        LInfinity = Require.Positive(lInfinity, nameof(lInfinity));
        // Lemma 6.2 with α = 1/L∞: the step is eq. (6.10), steepest descent w.r.t. ℓ∞ scaled by ‖∇f‖₁.
        Guarantees = [new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.NormScaled, 1 / LInfinity)];
    }

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; }

    /// <summary>The configuration <c>check-optimizer</c> loads (its static-factory convention): L∞ = 1, so α = 1/L∞ = 1.</summary>
    public static NormScaledSignGradientDescent CreateDefault() => new(1);

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
        return gradient.Map(gi => -radius * Math.Sign(gi));
    }

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return StepFor(objective.Gradient(theta));
    }
}
