using static TorchSharp.torch;
using Verification.Numerics;
using Verification.Numerics.Torch;

namespace Verification.Optimizers.Torch;

/// <summary>Ritz pairs of a symmetric operator: ascending values [k] and orthonormal vectors as columns [n×k].</summary>
public sealed record TorchRitzPairs(Tensor Values, Tensor Vectors) : IDisposable
{
    /// <summary>k, the number of pairs (fewer than asked when the Krylov space became invariant).</summary>
    public long Count => Values.shape[0];

    /// <summary>Releases both tensors.</summary>
    public void Dispose()
    {
        Values.Dispose();
        Vectors.Dispose();
    }
}

/// <summary>
/// The Lanczos process on a Hessian-vector product (autograd HVPs, <see cref="Verification.Numerics.Torch.TorchHessian"/>):
/// k steps build an orthonormal basis Q of the Krylov space K_k(H, q₁) and the tridiagonal T = QᵀHQ, whose
/// eigenpairs (θ_j, s_j) give Ritz pairs (θ_j, Q s_j). Every new vector is re-orthogonalized twice against all
/// previous ones (full reorthogonalization), so Q stays orthonormal to working precision and no spurious copies of
/// converged eigenvalues appear. The process stops early when β_j ≤ 1e-12·max|T| (float32: 1e-5): the Krylov space
/// is invariant and its Ritz pairs are exact eigenpairs. With k = n and a start with a component along every
/// eigenvector, the Ritz pairs are H's eigenpairs.
/// </summary>
public static class TorchLanczos
{
    /// <summary>k Lanczos steps of <paramref name="hessianVectorProduct"/> from <paramref name="start"/> (any non-zero vector).</summary>
    /// <exception cref="ArgumentException">start not a finite non-zero float vector; k outside [1, n]; the product returns a wrong shape or non-finite values.</exception>
    public static TorchRitzPairs Eigenpairs(Func<Tensor, Tensor> hessianVectorProduct, Tensor start, int steps)
    {
        ArgumentNullException.ThrowIfNull(hessianVectorProduct);
        TorchArguments.FiniteVector(start, nameof(start));
        long n = start.shape[0];
        Require.InRange(steps, 1, (int)Math.Min(n, int.MaxValue), nameof(steps));
        using var scope = NewDisposeScope();
        var q = start.detach().clone();
        double norm = q.norm().to_type(ScalarType.Float64).item<double>();
        if (!(norm > 0))
            throw new ArgumentException("start must be non-zero.", nameof(start));
        q = q.DividedBy(norm);
        double breakdown = start.dtype == ScalarType.Float64 ? 1e-12 : 1e-5;

        var basis = new List<Tensor>();
        var alphas = new List<double>();
        var betas = new List<double>();
        Tensor? previous = null;
        double scale = 0;
        for (int j = 0; j < steps; j++)
        {
            basis.Add(q);
            var w = hessianVectorProduct(q);
            if (w is null || w.IsInvalid || !w.shape.SequenceEqual(q.shape) || w.dtype != q.dtype)
                throw new ArgumentException("hessianVectorProduct must return a vector of the start's shape and dtype.", nameof(hessianVectorProduct));
            if (!isfinite(w).all().item<bool>())
                throw new ArgumentException($"hessianVectorProduct returned a non-finite value at Lanczos step {j}.", nameof(hessianVectorProduct));
            double alpha = q.dot(w).to_type(ScalarType.Float64).item<double>();
            alphas.Add(alpha);
            w = w - q.Times(alpha);
            if (previous is not null)
                w = w - previous.Times(betas[^1]);
            var qs = stack(basis, 1);
            for (int pass = 0; pass < 2; pass++)
                w = w - qs.mv(qs.mT.mv(w));
            double beta = w.norm().to_type(ScalarType.Float64).item<double>();
            scale = Math.Max(scale, Math.Max(Math.Abs(alpha), beta));
            if (j == steps - 1 || beta <= breakdown * Math.Max(scale, double.Epsilon))
                break;
            betas.Add(beta);
            previous = q;
            q = w.DividedBy(beta);
        }

        int k = alphas.Count;
        var tri = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            tri[i, i] = alphas[i];
            if (i + 1 < k)
                tri[i, i + 1] = tri[i + 1, i] = betas[i];
        }
        var t = tensor(tri, ScalarType.Float64).to(start.device);
        var (values, s) = linalg.eigh(t);
        var q64 = stack(basis, 1).to_type(ScalarType.Float64);
        var vectors = q64.mm(s).to_type(start.dtype);
        return new TorchRitzPairs(values.to_type(start.dtype).MoveToOuterDisposeScope(), vectors.MoveToOuterDisposeScope());
    }
}
