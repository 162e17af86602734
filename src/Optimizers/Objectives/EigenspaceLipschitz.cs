namespace Verification.Optimizers.Objectives;

/// <summary>
/// Per-eigenspace Hessian-Lipschitz constants in the sense of elmo-amos Assumption 2 (first line):
/// |λ_i(θ) − λ_i(φ)| ≤ L̃^i·|(θ − φ)ᵀv_i|, one constant per eigenvector of H(θ) in <see cref="Basis"/>.
/// </summary>
/// <param name="Constants">L̃^i, ordered like the eigenvalues the basis lists (ascending unless <see cref="Basis"/> says otherwise).</param>
/// <param name="IsRigorous">True when each constant is proven (closed form); false when it is a sampled estimate.</param>
/// <param name="Basis">Which eigenvectors the constants belong to, and how they were obtained.</param>
public sealed record EigenspaceLipschitz(double[] Constants, bool IsRigorous, string Basis);
