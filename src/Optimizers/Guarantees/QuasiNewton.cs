namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The optimizer is quasi-Newton in the sense of elmo-amos.md Definition 3: its preconditioner Φ(θ)
/// (<see cref="IQuasiNewtonOptimizer.Preconditioner"/>) is symmetric positive semi-definite and its step is
/// Δθ = −Φ(θ)∇f(θ) (the step size α_t of Definition 3 is folded into Φ). Only an <see cref="IQuasiNewtonOptimizer"/>
/// can declare it.
/// </summary>
public sealed record QuasiNewton : Guarantee
{
    /// <inheritdoc />
    public override string Id => "quasi-newton";

    /// <inheritdoc />
    public override string Statement =>
        "elmo-amos Definition 3: at every θ of every objective, Φ(θ) = Φ(θ)ᵀ ⪰ 0 and Δθ = −Φ(θ)∇f(θ).";
}
