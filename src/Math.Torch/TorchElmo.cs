using TorchSharp;
using static TorchSharp.torch;

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
    /// With S = √(λ² + 2L|g|) evaluated as hypot(|λ|, √(2L)·√|g|) (no overflow of λ² or 2L|g|):
    /// λ ≥ 0 uses the rationalized 2|g|/(S + λ), which has no cancellation; λ &lt; 0 uses (S + |λ|)/L, a sum
    /// of positives. Both branches are computed for every element and selected with <c>torch.where</c>; the
    /// λ ≥ 0 denominator is replaced by 1 where it is 0 (only λ = |g| = 0, where the step is 0), so neither
    /// branch holds NaN. Relative error about 3.5 ulp of the working precision.
    /// </remarks>
    /// <returns>x*, same shape, dtype and device as the inputs, ≥ 0.</returns>
    /// <exception cref="ArgumentException">
    /// wrong dtype, mismatched shape/dtype/device, λ not finite, |g| negative or not finite, L not positive or not finite.
    /// </exception>
    public static Tensor Step(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        TorchArguments.Eigenspaces(lambda, gradMagnitude, lipschitz);

        using var scope = NewDisposeScope();
        return StepUnchecked(lambda, gradMagnitude, lipschitz).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The full ELMO step Δθ* = Σ_i x*_i·v_i of Alg. 1 for a symmetric Hessian, gradient ∇f and per-eigenspace
    /// L_i ordered like the ascending eigenvalues (see <see cref="TorchSymmetricEigen.Decompose"/> for the
    /// orientation of v_i by eq. 1).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// non-symmetric or non-finite <paramref name="hessian"/>, non-finite <paramref name="gradient"/>, non-positive
    /// <paramref name="lipschitz"/>, dimension/dtype/device mismatch.
    /// </exception>
    public static Tensor StepVector(Tensor hessian, Tensor gradient, Tensor lipschitz)
    {
        TorchSymmetricEigen.Validate(hessian, gradient, lipschitz);

        using var scope = NewDisposeScope();
        var eigen = TorchSymmetricEigen.DecomposeUnchecked(hessian, gradient);

        var x = StepUnchecked(eigen.Values, eigen.GradientProjections.abs(), lipschitz.detach());
        return eigen.Vectors.mv(x).MoveToOuterDisposeScope();
    }

    /// <summary>S = √(λ² + 2L|g|) as hypot(|λ|, √(2L)·√|g|); inputs already validated.</summary>
    internal static Tensor Radical(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz) =>
        hypot(lambda.abs(), sqrt(lipschitz * 2) * sqrt(gradMagnitude));

    /// <summary>Eq. (7) without argument checks; caller owns the dispose scope.</summary>
    internal static Tensor StepUnchecked(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        var s = Radical(lambda, gradMagnitude, lipschitz);
        var nonNegative = lambda.ge(0);

        var denominator = s + lambda;                                         // > 0 unless λ = |g| = 0
        var safeDenominator = where(denominator.gt(0), denominator, ones_like(denominator));
        var convex = (gradMagnitude / safeDenominator) * 2;                   // 2|g|/(S + λ)
        var concave = (s + lambda.abs()) / lipschitz;                         // (S + |λ|)/L
        return where(nonNegative, convex, concave);
    }
}
