using static TorchSharp.torch;
using Verification.Numerics.Elmo;

namespace Verification.Numerics.Torch;

/// <summary>
/// Batched tensor forms of elmo-amos's per-eigenspace cubic models, counterparts of
/// <see cref="CubicUpperModel"/> and <see cref="CubicLowerModel"/>:
/// eq. (3) M(x) = g·x + (λ/2)·x² + (L/6)·|x|³ and eq. (4) m(x) = g·x + (λ/2)·x² − (L/6)·|x|³,
/// with g = ∇f(θ_t)ᵀv_i (any sign), λ = λ_i, L = L_t^i ≥ 0.
/// </summary>
/// <remarks>
/// Evaluated elementwise in the reference's Horner order x·(g + x·(λ/2 ± (L/6)·|x|)), one rounding per
/// operation, so x³ is never formed and cannot overflow before the result does.
/// </remarks>
public static class TorchCubicModels
{
    /// <summary>M(x) of eq. (3), elementwise over same-shaped tensors.</summary>
    /// <exception cref="ArgumentException">wrong dtype, mismatched shape/dtype/device, non-finite entry, negative L.</exception>
    public static Tensor Upper(Tensor gProjection, Tensor lambda, Tensor lipschitz, Tensor x) =>
        Evaluate(gProjection, lambda, lipschitz, x, +1);

    /// <summary>m(x) of eq. (4), elementwise over same-shaped tensors.</summary>
    /// <exception cref="ArgumentException">wrong dtype, mismatched shape/dtype/device, non-finite entry, negative L.</exception>
    public static Tensor Lower(Tensor gProjection, Tensor lambda, Tensor lipschitz, Tensor x) =>
        Evaluate(gProjection, lambda, lipschitz, x, -1);

    private static Tensor Evaluate(Tensor gProjection, Tensor lambda, Tensor lipschitz, Tensor x, int sign)
    {
        TorchArguments.Floating(gProjection, nameof(gProjection));
        TorchArguments.SameLayout(gProjection, nameof(gProjection), lambda, nameof(lambda));
        TorchArguments.SameLayout(gProjection, nameof(gProjection), lipschitz, nameof(lipschitz));
        TorchArguments.SameLayout(gProjection, nameof(gProjection), x, nameof(x));
        TorchArguments.Finite(gProjection, nameof(gProjection));
        TorchArguments.Finite(lambda, nameof(lambda));
        TorchArguments.NonNegative(lipschitz, nameof(lipschitz));
        TorchArguments.Finite(x, nameof(x));

        using var scope = NewDisposeScope();
        var cubic = lipschitz.DividedBy(6) * x.abs();
        var inner = sign > 0 ? lambda.DividedBy(2).Plus(cubic) : lambda.DividedBy(2) - cubic;
        return (x * gProjection.Plus(x * inner)).MoveToOuterDisposeScope();
    }
}
