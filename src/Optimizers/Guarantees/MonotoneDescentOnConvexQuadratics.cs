using Verification.Numerics;

namespace Verification.Optimizers.Guarantees;

/// <summary>
/// Monotone descent over a whole run: for every convex quadratic f(θ) = ½θᵀAθ − bᵀθ with A ⪰ 0 and
/// λ_max(A) &lt; <see cref="MaxCurvature"/>, and every θ₀, the first <see cref="Steps"/> iterates of one run satisfy
/// f(θ_{t+1}) ≤ f(θ_t). Gradient descent with step size η declares <c>MaxCurvature = 2/η</c> (each eigen-coordinate's
/// error is multiplied by 1 − ηλ ∈ (−1, 1]); heavy-ball momentum in general may not (it overshoots).
/// </summary>
public sealed record MonotoneDescentOnConvexQuadratics : Guarantee
{
    /// <summary>Declares monotone descent for λ_max(A) &lt; <paramref name="maxCurvature"/> (&gt; 0, may be +∞) over <paramref name="steps"/> steps.</summary>
    public MonotoneDescentOnConvexQuadratics(double maxCurvature, int steps = TrajectorySteps.Default)
    {
        if (!(maxCurvature > 0))
            throw new ArgumentException($"maxCurvature must be > 0, got {Require.Show(maxCurvature)}.", nameof(maxCurvature));
        MaxCurvature = maxCurvature;
        Steps = TrajectorySteps.Require(steps, nameof(steps));
    }

    /// <summary>The exclusive upper bound on λ_max(A).</summary>
    public double MaxCurvature { get; }

    /// <summary>T, the number of steps replayed.</summary>
    public int Steps { get; }

    /// <inheritdoc />
    public override string Id => "monotone-descent-on-convex-quadratics";

    /// <inheritdoc />
    public override string Statement =>
        $"For every f(θ) = ½θᵀAθ − bᵀθ with A ⪰ 0 and λ_max(A) < {Require.Show(MaxCurvature)}, and every θ₀: f(θ_{{t+1}}) ≤ f(θ_t) for t = 0, …, {Steps - 1} of one run.";
}
