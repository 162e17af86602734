using TorchSharp;
using static TorchSharp.torch;
using Verification.Numerics.Elmo;

namespace Verification.Numerics.Torch;

/// <summary>
/// Batched tensor form of the ELMO step of elmo-amos eq. (7) and Alg. 1. Counterpart of
/// <see cref="Elmo"/>; works on float32 or float64 tensors on any device.
/// </summary>
public static class TorchElmo
{
    /// <summary>
    /// Elementwise x* = (√(λ² + 2L|g|) − λ)/L of eq. (7) for same-shaped tensors λ = <paramref name="lambda"/>,
    /// |g| = <paramref name="gradMagnitude"/> (|∇f(θ_t)ᵀv_i|) and L = <paramref name="lipschitz"/> (L_t^i &gt; 0).
    /// </summary>
    /// <remarks>
    /// Domain: every finite λ, finite |g| ≥ 0 and finite L &gt; 0 of the dtype, subnormals and signed zeros included, as
    /// <see cref="ElmoStep.Step"/>. Evaluated with eq. (7)'s exact scalings (multiplying λ, |g| and L by one power of two
    /// leaves x* unchanged; (λ, |g|/d, d·L) gives x*/d): each input is split exactly into mantissa·2^exponent
    /// (torch.frexp), S + |λ| is formed from the mantissas at a common exponent (<see cref="TorchScaledRoot"/>), and the
    /// quotient of mantissas is scaled by the exact power of two at the end, so nothing under- or overflows on the way.
    /// λ ≥ 0 uses the rationalized 2|g|/(S + λ), which has no cancellation; λ &lt; 0 uses (S + |λ|)/L, a sum of positives.
    /// Both branches are computed for every element and selected with <c>torch.where</c>; the λ ≥ 0 denominator is
    /// replaced by 1 where it is 0 (only λ = |g| = 0, where the step is 0), so neither branch holds NaN.
    /// Accuracy: within 4.5u of the working precision (u = 2^-53 in float64, 2^-24 in float32) relative to x* where x* is
    /// a normal number of the dtype (3.5u for S + |λ|, one quotient), within 4.5u of the smallest normal plus the final
    /// rounding's half ulp where it is subnormal, and ±∞ only where the exact x* is within 4.5u of the dtype's overflow
    /// threshold or above it (the reference <see cref="ElmoStep.Step"/> decides that threshold exactly).
    /// </remarks>
    /// <returns>x*, same shape, dtype and device as the inputs, ≥ 0.</returns>
    /// <exception cref="ArgumentException">
    /// wrong dtype, mismatched shape/dtype/device, λ not finite, |g| negative or not finite, L not positive or not finite.
    /// </exception>
    public static Tensor Step(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz) =>
        TorchSymmetricEigen.PerEigenspace(lambda, gradMagnitude, lipschitz, StepUnchecked);

    /// <summary>
    /// The full ELMO step Δθ* = Σ_i x*_i·v_i of Alg. 1 for a symmetric Hessian, gradient ∇f and per-eigenspace
    /// L_i ordered like the ascending eigenvalues (see <see cref="TorchSymmetricEigen.Decompose"/> for the
    /// orientation of v_i by eq. 1).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// non-symmetric or non-finite <paramref name="hessian"/>, non-finite <paramref name="gradient"/>, non-positive
    /// <paramref name="lipschitz"/>, dimension/dtype/device mismatch.
    /// </exception>
    public static Tensor StepVector(Tensor hessian, Tensor gradient, Tensor lipschitz) =>
        TorchSymmetricEigen.OverEigenspaces(hessian, gradient, lipschitz, StepUnchecked, (v, x) => v.mv(x));

    /// <summary>Eq. (7) without argument checks; caller owns the dispose scope.</summary>
    private static Tensor StepUnchecked(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        var root = TorchScaledRoot.Of(lambda, gradMagnitude, lipschitz);
        var sum = root.Sum;                                                   // (S + |λ|)·2^-e, 0 only for λ = |g| = 0
        var safeSum = where(sum.gt(TorchScalars.Zero), sum, ones_like(sum));
        // λ ≥ 0: 2|g|/(S + λ) = (2·m_g/sum)·2^(e_g − e)
        var convex = TorchScaledRoot.ScaleByPowerOfTwo(root.GradMantissa.Times(2) / safeSum, root.GradExponent - root.Exponent);
        // λ < 0: (S + |λ|)/L = (sum/m_L)·2^(e − e_L)
        var concave = TorchScaledRoot.ScaleByPowerOfTwo(sum / root.LipschitzMantissa, root.Exponent - root.LipschitzExponent);
        return where(lambda.ge(TorchScalars.Zero), convex, concave);
    }
}
