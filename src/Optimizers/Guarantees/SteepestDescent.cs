using Verification.Numerics;

namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The step is steepest descent w.r.t. <see cref="Norm"/> with step size <see cref="StepSize"/> α
/// (balles-thesis.md §6.2, Lemma 6.2 and eq. C.18), so it satisfies the descent bound of its <see cref="Scaling"/>
/// on every f that is L-smooth w.r.t. the norm (for <see cref="SteepestDescentScaling.NormScaled"/>: with L ≤ 1/α).
/// </summary>
public sealed record SteepestDescent : Guarantee
{
    /// <summary>Declares steepest descent w.r.t. <paramref name="norm"/>, <paramref name="scaling"/>, step size α = <paramref name="stepSize"/> &gt; 0.</summary>
    public SteepestDescent(SteepestDescentNorm norm, SteepestDescentScaling scaling, double stepSize)
    {
        if (!Enum.IsDefined(norm))
            throw new ArgumentException($"norm must be a SteepestDescentNorm, got {norm}.", nameof(norm));
        if (!Enum.IsDefined(scaling))
            throw new ArgumentException($"scaling must be a SteepestDescentScaling, got {scaling}.", nameof(scaling));
        Norm = norm;
        Scaling = scaling;
        StepSize = Require.Positive(stepSize, nameof(stepSize));
    }

    /// <summary>‖·‖.</summary>
    public SteepestDescentNorm Norm { get; }

    /// <summary>Norm-scaled (eq. 6.10) or normalized (eq. C.18).</summary>
    public SteepestDescentScaling Scaling { get; }

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <inheritdoc />
    public override string Id => "steepest-descent";

    /// <summary>"ℓ₂" or "ℓ∞".</summary>
    public string NormName => Norm == SteepestDescentNorm.Euclidean ? "ℓ₂" : "ℓ∞";

    /// <summary>"‖·‖₂" or "‖·‖₁": the dual norm.</summary>
    public string DualNormName => Norm == SteepestDescentNorm.Euclidean ? "‖·‖₂" : "‖·‖₁";

    /// <inheritdoc />
    public override string Statement => Scaling == SteepestDescentScaling.NormScaled
        ? $"balles-thesis Lemma 6.2 (eq. 6.11), steepest descent w.r.t. {NormName} with α = {Require.Show(StepSize)}: for every f that is L-smooth w.r.t. {NormName} with L ≤ 1/α, f(θ + Δθ) ≤ f(θ) − (α/2)‖∇f(θ)‖_*² ({DualNormName})."
        : $"balles-thesis eq. (C.18) with Lemma 6.1, normalized steepest descent w.r.t. {NormName} with α = {Require.Show(StepSize)}: for every f that is L-smooth w.r.t. {NormName}, f(θ + Δθ) ≤ f(θ) − α‖∇f(θ)‖_* + (L/2)α² ({DualNormName}).";
}
