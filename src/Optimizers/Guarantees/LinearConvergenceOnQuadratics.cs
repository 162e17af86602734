using Verification.Numerics;

namespace Verification.Optimizers.Guarantees;

/// <summary>
/// A linear convergence rate on strongly convex quadratics: for every f(θ) = ½θᵀAθ − bᵀθ whose eigenvalues lie in
/// [<see cref="MinCurvature"/> μ, <see cref="MaxCurvature"/> L] (μ &gt; 0), every run satisfies
/// f(θ_{t+1}) − f* ≤ ρ·(f(θ_t) − f*) for t &lt; <see cref="Steps"/>, with ρ = <see cref="Rate"/> and f* = min f.
/// Gradient descent with step size η ≤ 2/L declares ρ = max(|1 − ημ|, |1 − ηL|)² (each eigen-coordinate of θ − θ*
/// is multiplied by 1 − ηλ per step, and f − f* = ½Σλ_i(θ − θ*)_i²).
/// </summary>
public sealed record LinearConvergenceOnQuadratics : Guarantee
{
    /// <summary>Declares the per-step rate <paramref name="rate"/> ∈ (0, 1] on spectra in [μ, L], 0 &lt; μ ≤ L &lt; ∞, over <paramref name="steps"/> steps.</summary>
    public LinearConvergenceOnQuadratics(double minCurvature, double maxCurvature, double rate, int steps = TrajectorySteps.Default)
    {
        if (!(minCurvature > 0) || !double.IsFinite(minCurvature))
            throw new ArgumentException($"minCurvature must be finite and > 0, got {Require.Show(minCurvature)}.", nameof(minCurvature));
        if (!(maxCurvature >= minCurvature) || !double.IsFinite(maxCurvature))
            throw new ArgumentException($"maxCurvature must be finite and ≥ minCurvature = {Require.Show(minCurvature)}, got {Require.Show(maxCurvature)}.", nameof(maxCurvature));
        if (!(rate > 0 && rate <= 1))
            throw new ArgumentException($"rate must be in (0, 1], got {Require.Show(rate)}.", nameof(rate));
        MinCurvature = minCurvature;
        MaxCurvature = maxCurvature;
        Rate = rate;
        Steps = TrajectorySteps.Require(steps, nameof(steps));
    }

    /// <summary>μ, the least eigenvalue allowed.</summary>
    public double MinCurvature { get; }

    /// <summary>L, the largest eigenvalue allowed.</summary>
    public double MaxCurvature { get; }

    /// <summary>ρ, the contraction of f − f* per step.</summary>
    public double Rate { get; }

    /// <summary>T, the number of steps replayed.</summary>
    public int Steps { get; }

    /// <inheritdoc />
    public override string Id => "linear-convergence-on-quadratics";

    /// <inheritdoc />
    public override string Statement =>
        $"For every f(θ) = ½θᵀAθ − bᵀθ with eigenvalues in [{Require.Show(MinCurvature)}, {Require.Show(MaxCurvature)}] and every θ₀: f(θ_{{t+1}}) − f* ≤ {Require.Show(Rate)}·(f(θ_t) − f*) for t = 0, …, {Steps - 1} of one run.";
}
