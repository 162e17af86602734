using static TorchSharp.torch;

namespace Verification.Numerics.Torch;

/// <summary>
/// Tensor counterpart of <see cref="EigenSystem"/>: H = V·diag(λ)·Vᵀ (elmo-amos Notation 2) with ascending
/// eigenvalues (Assumption 2's ordering) and columns v_i oriented by eq. (1), ∇f(θ_t)ᵀv_i ≤ 0.
/// Owns its tensors; dispose it (or let an enclosing dispose scope do so).
/// </summary>
/// <param name="Values">λ_1 ≤ … ≤ λ_n, shape [n].</param>
/// <param name="Vectors">Column i is v_i, shape [n×n].</param>
/// <param name="GradientProjections">g_i = ∇fᵀv_i, each ≤ 0, shape [n].</param>
public sealed record TorchEigenSystem(Tensor Values, Tensor Vectors, Tensor GradientProjections) : IDisposable
{
    /// <summary>n, the dimension.</summary>
    public long Dimension => Values.shape[0];

    /// <summary>Releases the three tensors.</summary>
    public void Dispose()
    {
        Values.Dispose();
        Vectors.Dispose();
        GradientProjections.Dispose();
    }
}

/// <summary>Symmetric eigendecomposition via <c>torch.linalg.eigh</c> with elmo-amos §2.1's sign convention.</summary>
public static class TorchSymmetricEigen
{
    /// <summary>
    /// Decomposes the symmetric <paramref name="hessian"/> (symmetrized exactly as (H + Hᵀ)/2 first, so the
    /// rounding-level asymmetry the check admits does not reach the solver) and flips each eigenvector so that
    /// <paramref name="gradient"/>ᵀv_i ≤ 0 (eq. 1). Where ∇fᵀv_i = 0 both orientations satisfy eq. (1); as in
    /// <see cref="SymmetricEigen.Decompose"/>, the one whose largest-magnitude component (first such index) is
    /// positive is chosen. Returned projections are never −0.0.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// non-square, non-symmetric or non-finite matrix, non-finite gradient, length/dtype/device mismatch.
    /// </exception>
    public static TorchEigenSystem Decompose(Tensor hessian, Tensor gradient)
    {
        Validate(hessian, gradient);
        return DecomposeUnchecked(hessian, gradient);
    }

    /// <summary>The checks of <see cref="Decompose"/>, for callers that validate more arguments before any solver runs.</summary>
    internal static void Validate(Tensor hessian, Tensor gradient)
    {
        TorchArguments.SymmetricMatrix(hessian, nameof(hessian));
        TorchArguments.Vector(gradient, nameof(gradient));
        TorchArguments.SameKind(hessian, nameof(hessian), gradient, nameof(gradient));
        if (gradient.shape[0] != hessian.shape[0])
            throw new ArgumentException(
                $"{nameof(gradient)} has length {gradient.shape[0]}, expected {hessian.shape[0]}.", nameof(gradient));
        TorchArguments.Finite(gradient, nameof(gradient));
    }

    /// <summary>
    /// The checks of <see cref="Decompose"/> plus per-eigenspace L_i: a vector of the gradient's length, dtype and
    /// device with every entry finite and &gt; 0. Run before any solver, as the preconditioner and full step need.
    /// </summary>
    internal static void Validate(Tensor hessian, Tensor gradient, Tensor lipschitz)
    {
        Validate(hessian, gradient);
        TorchArguments.SameLayout(gradient, nameof(gradient), lipschitz, nameof(lipschitz));
        TorchArguments.Positive(lipschitz, nameof(lipschitz));
    }

    /// <summary>
    /// A per-eigenspace formula f(λ, |g|, L) of elmo-amos (eq. 7's x*, Lemma 3.2's φ) elementwise over same-shaped tensors,
    /// after <see cref="TorchArguments.Eigenspaces"/>'s checks and in its own dispose scope.
    /// </summary>
    internal static Tensor PerEigenspace(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz, Func<Tensor, Tensor, Tensor, Tensor> formula)
    {
        TorchArguments.Eigenspaces(lambda, gradMagnitude, lipschitz);

        using var scope = NewDisposeScope();
        return formula(lambda, gradMagnitude, lipschitz).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The same formula at the eigenspaces of a symmetric Hessian: the checks of <see cref="Validate(Tensor, Tensor, Tensor)"/>
    /// before any solver runs, H decomposed with eq. (1)'s orientation, f(λ_i, |g_i|, L_i) evaluated per eigenpair and
    /// handed with V to <paramref name="assemble"/> (Σ_i x_i·v_i for the step, V·diag(φ)·Vᵀ for the preconditioner).
    /// </summary>
    internal static Tensor OverEigenspaces(
        Tensor hessian, Tensor gradient, Tensor lipschitz, Func<Tensor, Tensor, Tensor, Tensor> formula, Func<Tensor, Tensor, Tensor> assemble)
    {
        Validate(hessian, gradient, lipschitz);

        using var scope = NewDisposeScope();
        var eigen = DecomposeUnchecked(hessian, gradient);
        var values = formula(eigen.Values, eigen.GradientProjections.abs(), lipschitz.detach());
        return assemble(eigen.Vectors, values).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Decompose"/> without the checks.</summary>
    internal static TorchEigenSystem DecomposeUnchecked(Tensor hessian, Tensor gradient)
    {
        using var scope = NewDisposeScope();
        var h = hessian.detach();
        var g = gradient.detach();
        var (values, vectors) = linalg.eigh(h.Plus(h.mT).DividedBy(2));

        var projections = vectors.mT.mv(g);                                    // g_i = ∇fᵀv_i
        var pivotRows = vectors.abs().argmax(0, keepdim: true);                // first largest |component| per column
        var pivots = vectors.gather(0, pivotRows).squeeze(0);
        var flip = projections.gt(TorchScalars.Zero).logical_or(projections.eq(TorchScalars.Zero).logical_and(pivots.lt(TorchScalars.Zero)));
        var sign = where(flip, full_like(projections, TorchScalars.MinusOne), ones_like(projections));

        var oriented = vectors * sign.unsqueeze(0);
        var orientedProjections = projections * sign;
        orientedProjections = where(orientedProjections.eq(TorchScalars.Zero), zeros_like(orientedProjections), orientedProjections);

        return new TorchEigenSystem(
            values.MoveToOuterDisposeScope(),
            oriented.MoveToOuterDisposeScope(),
            orientedProjections.MoveToOuterDisposeScope());
    }
}
