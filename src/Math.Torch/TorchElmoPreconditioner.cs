using static TorchSharp.torch;

namespace Verification.Numerics.Torch;

/// <summary>
/// Tensor form of ELMO's preconditioner, elmo-amos Lemma 3.2:
/// Φ^ELMO = ((H + √(H² + 2V·diag(L_i|g_i|)·Vᵀ))/2)⁻¹ = V·diag(φ_i)·Vᵀ, φ_i = 2/(λ_i + √(λ_i² + 2L_i|g_i|)),
/// so that the ELMO step is Δθ* = −Φ^ELMO·∇f wherever g_i ≠ 0 or λ_i &gt; 0. Counterpart of <see cref="ElmoPreconditioner"/>.
/// </summary>
/// <remarks>
/// φ_i is evaluated without cancellation: 2/(λ + S) for λ ≥ 0 and (S + |λ|)/(L|g|) for λ &lt; 0, with
/// S = hypot(|λ|, √(2L)·√|g|). Where g_i = 0 and λ_i ≤ 0 the matrix being inverted is singular along v_i
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
    public static Tensor Compute(Tensor hessian, Tensor gradient, Tensor lipschitz)
    {
        TorchSymmetricEigen.Validate(hessian, gradient, lipschitz);

        using var scope = NewDisposeScope();
        var eigen = TorchSymmetricEigen.DecomposeUnchecked(hessian, gradient);

        var phi = FactorsUnchecked(eigen.Values, eigen.GradientProjections.abs(), lipschitz.detach());
        var v = eigen.Vectors;
        return ((v * phi.unsqueeze(0)).matmul(v.mT)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The eigenvalues φ_i of Φ^ELMO, elementwise over same-shaped λ = <paramref name="lambda"/>,
    /// |g| = <paramref name="gradMagnitude"/>, L = <paramref name="lipschitz"/>; 0 (pseudo-inverse) where λ ≤ 0 and |g| = 0.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// wrong dtype, mismatched shape/dtype/device, λ not finite, |g| negative or not finite, L not positive or not finite.
    /// </exception>
    public static Tensor Factors(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        TorchArguments.Eigenspaces(lambda, gradMagnitude, lipschitz);

        using var scope = NewDisposeScope();
        return FactorsUnchecked(lambda, gradMagnitude, lipschitz).MoveToOuterDisposeScope();
    }

    private static Tensor FactorsUnchecked(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        var s = TorchElmo.Radical(lambda, gradMagnitude, lipschitz);

        // λ ≥ 0: 2/(λ + S); the sum is 0 only for λ = |g| = 0 (singular: φ = 0). For |g| = 0, λ > 0 this is 1/λ exactly.
        var convexDenominator = s + lambda;
        var convexDefined = convexDenominator.gt(0);
        var convex = where(convexDefined, 2 / where(convexDefined, convexDenominator, ones_like(s)), zeros_like(s));

        // λ < 0: (S + |λ|)/(L|g|) = x*/|g|; singular (φ = 0) where |g| = 0.
        var gradPositive = gradMagnitude.gt(0);
        var safeGrad = where(gradPositive, gradMagnitude, ones_like(s));
        var concave = where(gradPositive, ((s + lambda.abs()) / lipschitz) / safeGrad, zeros_like(s));

        return where(lambda.ge(0), convex, concave);
    }
}
