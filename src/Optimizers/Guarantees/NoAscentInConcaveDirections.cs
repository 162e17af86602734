namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The step never goes uphill along a direction of negative curvature: for every eigenpair (λ_i, v_i) of H(θ) with
/// λ_i &lt; 0, (Δθᵀv_i)·(∇f(θ)ᵀv_i) ≤ 0. elmo-amos §3.2: in concave subspaces the pessimistic model M_t^i of eq. (3)
/// decreases only in the downhill direction, and Newton's step −H⁻¹∇f goes uphill there.
/// </summary>
public sealed record NoAscentInConcaveDirections : Guarantee
{
    /// <inheritdoc />
    public override string Id => "no-ascent-in-concave-directions";

    /// <inheritdoc />
    public override string Statement =>
        "For every quadratic f and θ, and every eigenpair (λ_i, v_i) of H(θ) with λ_i < 0: (Δθᵀv_i)·(∇f(θ)ᵀv_i) ≤ 0 (elmo-amos §3.2).";
}
