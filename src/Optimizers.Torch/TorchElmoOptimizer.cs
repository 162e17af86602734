using TorchSharp;
using Verification.Numerics;
using Verification.Numerics.Torch;
using static TorchSharp.torch;

namespace Verification.Optimizers.Torch;

/// <summary>
/// ELMO (elmo-amos Alg. 1) on TorchSharp for f given as a differentiable tensor function of a flat parameter vector θ,
/// with one constant L_t^i = L for every eigenspace. EIGEN is <c>linalg.eigh</c> of the autograd Hessian for n ≤
/// <see cref="DenseLimit"/> (the step then agrees with <see cref="SecondOrder.ElmoOptimizer"/>); above it, k Lanczos steps
/// on autograd Hessian-vector products started at ∇f (<see cref="TorchLanczos"/>): ∇f lies in the Krylov space, so
/// every Ritz direction with ∇fᵀv ≠ 0 gets its eq. (7) step, and directions outside K_k(H, ∇f) get none — in particular
/// no saddle escape along negative curvature orthogonal to the Krylov space, and a zero step at ∇f = 0.
/// </summary>
public sealed class TorchElmoOptimizer
{
    /// <summary>Creates the optimizer: L &gt; 0, dense up to n = <paramref name="denseLimit"/>, else <paramref name="lanczosSteps"/> ≥ 1.</summary>
    public TorchElmoOptimizer(double lipschitz, int denseLimit = 64, int lanczosSteps = 20)
    {
        Lipschitz = Require.Positive(lipschitz, nameof(lipschitz));
        DenseLimit = Require.InRange(denseLimit, 0, int.MaxValue, nameof(denseLimit));
        LanczosSteps = Require.InRange(lanczosSteps, 1, int.MaxValue, nameof(lanczosSteps));
    }

    /// <summary>L.</summary>
    public double Lipschitz { get; }

    /// <summary>The largest n decomposed densely.</summary>
    public int DenseLimit { get; }

    /// <summary>k, the Lanczos steps above <see cref="DenseLimit"/> (capped at n).</summary>
    public int LanczosSteps { get; }

    /// <summary>Δθ at θ: Σ_i x*_i v_i with x*_i of eq. (7). Same dtype and device as θ; θ is not modified.</summary>
    /// <exception cref="ArgumentException">θ not a finite float vector; f's result unusable (see TorchHessian).</exception>
    public Tensor Step(Func<Tensor, Tensor> function, Tensor theta)
    {
        ArgumentNullException.ThrowIfNull(function);
        TorchArguments.FiniteVector(theta, nameof(theta));
        using var scope = NewDisposeScope();
        var g = TorchHessian.Gradient(function, theta);
        long n = theta.shape[0];
        Tensor step;
        using var lipschitz = Lipschitz.ToScalar();
        if (n <= DenseLimit)
        {
            var h = TorchHessian.Hessian(function, theta);
            step = TorchElmo.StepVector(h, g, full_like(g, lipschitz));
        }
        else if (!g.abs().max().to_type(ScalarType.Float64).item<double>().Equals(0.0))
        {
            int k = (int)Math.Min(LanczosSteps, n);
            using var ritz = TorchLanczos.Eigenpairs(v => TorchHessian.HessianVectorProduct(function, theta, v), g, k);
            var projections = ritz.Vectors.mT.mv(g);
            var x = TorchElmo.Step(ritz.Values, projections.abs(), full_like(ritz.Values, lipschitz));
            // Orient each v_j by eq. (1) (∇fᵀv_j ≤ 0): the step along v_j is x_j·(−sgn(g_j))·v_j.
            var sign = where(projections.gt(TorchScalars.Zero), full_like(projections, TorchScalars.MinusOne), ones_like(projections));
            step = ritz.Vectors.mv(x * sign);
        }
        else
        {
            step = zeros_like(theta);
        }
        if (!isfinite(step).all().item<bool>())
            throw new ArgumentException($"L = {Require.Show(Lipschitz)} makes ELMO's step overflow at this θ.", nameof(theta));
        return step.detach().MoveToOuterDisposeScope();
    }
}
