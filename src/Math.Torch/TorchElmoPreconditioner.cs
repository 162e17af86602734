using static TorchSharp.torch;
using Verification.Numerics.Elmo;

namespace Verification.Numerics.Torch;

/// <summary>
/// Tensor form of ELMO's preconditioner, elmo-amos Lemma 3.2:
/// Φ^ELMO = ((H + √(H² + 2V·diag(L_i|g_i|)·Vᵀ))/2)⁻¹ = V·diag(φ_i)·Vᵀ, φ_i = 2/(λ_i + √(λ_i² + 2L_i|g_i|)),
/// so that the ELMO step is Δθ* = −Φ^ELMO·∇f wherever g_i ≠ 0 or λ_i &gt; 0. Counterpart of <see cref="ElmoPreconditioner"/>.
/// </summary>
/// <remarks>
/// φ_i is evaluated without cancellation: 2/(λ + S) for λ ≥ 0 and (S + |λ|)/(L|g|) for λ &lt; 0, from the mantissas
/// and exponents of <see cref="TorchScaledRoot"/> (exact power-of-two splits, so nothing under- or overflows before the
/// final scaling). Accuracy: within 4.5u (λ ≥ 0) or 5.5u (λ &lt; 0: one more product, m_L·m_g) of the working precision
/// relative to φ_i where φ_i is a normal number of the dtype; subnormal φ_i within that of the smallest normal plus half an
/// ulp; ±∞ only where the exact φ_i is within that of the dtype's overflow threshold or above it (e.g. 1/λ for a
/// subnormal λ &gt; 0 with |g| = 0), over every finite input the reference accepts. Where g_i = 0 and λ_i ≤ 0 the matrix being inverted is singular along v_i
/// (its eigenvalue (λ + |λ|)/2 is 0); as in the reference, the Moore–Penrose pseudo-inverse is returned there
/// (φ_i = 0). Note that eq. (7) still gives x*_i = 2|λ_i|/L_i &gt; 0 along such a v_i when λ_i &lt; 0, a step
/// that no preconditioner applied to ∇f can produce (Φ∇f has no component along v_i ⟂ ∇f).
/// </remarks>
public static class TorchElmoPreconditioner
{
    /// <summary>Φ^ELMO for a symmetric Hessian, gradient ∇f and per-eigenspace L_i (ascending-eigenvalue order).</summary>
    /// <exception cref="ArgumentException">
    /// non-symmetric or non-finite <paramref name="hessian"/>, non-finite <paramref name="gradient"/>,
    /// non-positive <paramref name="lipschitz"/>, dimension/dtype/device mismatch.
    /// </exception>
    public static Tensor Compute(Tensor hessian, Tensor gradient, Tensor lipschitz) =>
        TorchSymmetricEigen.OverEigenspaces(hessian, gradient, lipschitz, FactorsUnchecked, (v, phi) => (v * phi.unsqueeze(0)).matmul(v.mT));

    /// <summary>
    /// The eigenvalues φ_i of Φ^ELMO, elementwise over same-shaped λ = <paramref name="lambda"/>,
    /// |g| = <paramref name="gradMagnitude"/>, L = <paramref name="lipschitz"/>; 0 (pseudo-inverse) where λ ≤ 0 and |g| = 0.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// wrong dtype, mismatched shape/dtype/device, λ not finite, |g| negative or not finite, L not positive or not finite.
    /// </exception>
    public static Tensor Factors(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz) =>
        TorchSymmetricEigen.PerEigenspace(lambda, gradMagnitude, lipschitz, FactorsUnchecked);

    private static Tensor FactorsUnchecked(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        var root = TorchScaledRoot.Of(lambda, gradMagnitude, lipschitz);
        var sum = root.Sum;                                                   // (S + |λ|)·2^-e
        var zero = zeros_like(sum);

        // λ ≥ 0: 2/(λ + S) = (2/sum)·2^-e; the sum is 0 only for λ = |g| = 0 (singular: φ = 0). For |g| = 0, λ > 0 this is 1/λ.
        var convexDefined = sum.gt(TorchScalars.Zero);
        var convex = where(convexDefined,
            TorchScaledRoot.ScaleByPowerOfTwo(where(convexDefined, sum, ones_like(sum)).Into(2), -root.Exponent), zero);

        // λ < 0: (S + |λ|)/(L|g|) = x*/|g| = (sum/(m_L·m_g))·2^(e − e_L − e_g); singular (φ = 0) where |g| = 0.
        var gradPositive = gradMagnitude.gt(TorchScalars.Zero);
        var safeGrad = where(gradPositive, root.GradMantissa, ones_like(sum));
        var concave = where(gradPositive,
            TorchScaledRoot.ScaleByPowerOfTwo(sum / (root.LipschitzMantissa * safeGrad), root.Exponent - root.LipschitzExponent - root.GradExponent),
            zero);

        return where(lambda.ge(TorchScalars.Zero), convex, concave);
    }
}
