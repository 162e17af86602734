using Verification.Numerics;

namespace Verification.Optimizers.Guarantees;

/// <summary>
/// Descent on convex quadratics within a curvature range: for every f(θ) = ½θᵀAθ − bᵀθ with A ⪰ 0 and
/// λ_max(A) &lt; <see cref="MaxCurvature"/>, and every θ with ∇f(θ) ≠ 0, the step decreases f: f(θ + Δθ) &lt; f(θ).
/// Gradient descent with step size η declares <c>MaxCurvature = 2/η</c> (along an eigenvector with eigenvalue λ the
/// change is −ηg²(1 − ηλ/2)).
/// </summary>
public sealed record DescentOnConvexQuadratics : Guarantee
{
    /// <summary>Declares descent for every curvature λ_max(A) &lt; <paramref name="maxCurvature"/> (&gt; 0, may be +∞).</summary>
    public DescentOnConvexQuadratics(double maxCurvature)
    {
        if (!(maxCurvature > 0))
            throw new ArgumentException($"maxCurvature must be > 0, got {Require.Show(maxCurvature)}.", nameof(maxCurvature));
        MaxCurvature = maxCurvature;
    }

    /// <summary>The exclusive upper bound on λ_max(A) (+∞: every convex quadratic).</summary>
    public double MaxCurvature { get; }

    /// <inheritdoc />
    public override string Id => "descent-on-convex-quadratics";

    /// <inheritdoc />
    public override string Statement =>
        $"For every f(θ) = ½θᵀAθ − bᵀθ with A ⪰ 0 and λ_max(A) < {Require.Show(MaxCurvature)}, and every θ with ∇f(θ) ≠ 0: f(θ + Δθ) < f(θ).";
}
