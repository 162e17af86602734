namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The step turns with the coordinates: for every orthogonal Q, the step on f̃(x) = f(Qx) at x = Qᵀθ is QᵀΔθ(f, θ)
/// (gradient descent and Newton's method are; sign descent and diagonal preconditioners are not). Checked with
/// exactly orthogonal dyadic Q (a normalized 4×4 Hadamard matrix and signed permutations).
/// </summary>
public sealed record RotationEquivariance : Guarantee
{
    /// <inheritdoc />
    public override string Id => "rotation-equivariance";

    /// <inheritdoc />
    public override string Statement => "For every objective f, θ and orthogonal Q: Δθ(f∘Q, Qᵀθ) = QᵀΔθ(f, θ).";
}
