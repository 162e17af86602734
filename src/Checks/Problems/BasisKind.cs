namespace Verification.Checks.Problems;

/// <summary>Which exactly orthogonal eigenbasis a generated quadratic uses.</summary>
public enum BasisKind
{
    /// <summary>The coordinate axes: A = diag(λ).</summary>
    Identity,

    /// <summary>The columns of a Sylvester–Hadamard matrix H (n = 2 or 4): A = H·diag(λ)·Hᵀ/n, a rotated, dense A.</summary>
    Hadamard,

    /// <summary>A signed permutation P: A = P·diag(λ)·Pᵀ.</summary>
    SignedPermutation,
}
