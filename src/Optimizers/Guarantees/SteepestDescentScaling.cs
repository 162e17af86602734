namespace Verification.Optimizers.Guarantees;

/// <summary>Which version of steepest descent the step is (balles-thesis.md eq. 6.10 vs. eq. C.18).</summary>
public enum SteepestDescentScaling
{
    /// <summary>
    /// Eq. (6.9)/(C.1): Δθ = −α·∇f^{‖·‖} with ‖∇f^{‖·‖}‖ = ‖∇f‖_* (sign GD: −α‖∇f‖₁·sign ∇f, eq. 6.10). With α ≤ 1/L,
    /// Lemma 6.2 gives f(θ + Δθ) ≤ f(θ) − (α/2)‖∇f(θ)‖_*² for every f that is L-smooth w.r.t. ‖·‖.
    /// </summary>
    NormScaled,

    /// <summary>
    /// Eq. (C.18): Δθ = −α·∇f^{‖·‖}/‖∇f‖_*, a step of length α (sign GD: −α·sign ∇f, eq. 6.1). Lemma 6.1 then gives
    /// f(θ + Δθ) ≤ f(θ) − α‖∇f(θ)‖_* + (L/2)α² for every f that is L-smooth w.r.t. ‖·‖.
    /// </summary>
    Normalized,
}
