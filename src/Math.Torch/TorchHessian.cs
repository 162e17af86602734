using static TorchSharp.torch;

namespace Verification.Numerics.Torch;

/// <summary>
/// Derivatives of a scalar function f: ℝⁿ → ℝ by reverse-mode autograd: ∇f(θ) (Notation 1), the Hessian
/// 𝓗(θ) by double backward (the matrix whose eigendecomposition elmo-amos Notation 2 and eq. 7 use), and
/// Hessian-vector products 𝓗(θ)·v without forming 𝓗.
/// </summary>
/// <remarks>
/// The function arguments below must build their result from the tensor they are given with
/// differentiable torch operations and return a single-element floating tensor on the same device. The point
/// is copied into a fresh leaf tensor, so the caller's tensor is never modified or attached to a graph, and
/// gradients are enabled for the duration of the call even inside <c>torch.no_grad()</c>. Results are
/// detached. A function that does not depend on its argument has zero gradient and Hessian.
/// </remarks>
public static class TorchHessian
{
    /// <summary>∇f(θ), shape [n].</summary>
    /// <exception cref="ArgumentException">θ not a non-empty finite float vector; f's result not a single-element tensor of θ's dtype and device.</exception>
    public static Tensor Gradient(Func<Tensor, Tensor> function, Tensor point)
    {
        Validate(function, point);
        using var grad = enable_grad();
        using var scope = NewDisposeScope();
        var (x, y) = Evaluate(function, point);
        var g = FirstDerivative(y, x, createGraph: false);
        return g.detach().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// 𝓗(θ) by double backward: differentiate ∇f (built with create_graph) once per coordinate, shape [n×n].
    /// Rows are ∂(∂f/∂θ_i)/∂θ; the result is returned as computed (symmetric up to rounding), not symmetrized.
    /// </summary>
    /// <exception cref="ArgumentException">θ not a non-empty finite float vector; f's result not a single-element tensor of θ's dtype and device.</exception>
    public static Tensor Hessian(Func<Tensor, Tensor> function, Tensor point)
    {
        Validate(function, point);
        using var grad = enable_grad();
        using var scope = NewDisposeScope();
        var (x, y) = Evaluate(function, point);
        var g = FirstDerivative(y, x, createGraph: true);
        long n = x.shape[0];
        var rows = new Tensor[n];
        for (long i = 0; i < n; i++)
        {
            var gi = g[i];
            rows[i] = gi.requires_grad
                ? Derivative(gi, x, retainGraph: true, createGraph: false)
                : zeros_like(x);
        }
        return stack(rows).detach().MoveToOuterDisposeScope();
    }

    /// <summary>𝓗(θ)·v as ∇(∇f(θ)ᵀv) (double backward, one extra pass), shape [n].</summary>
    /// <exception cref="ArgumentException">
    /// θ not a non-empty finite float vector; v not finite or not of θ's shape, dtype and device;
    /// f's result not a single-element tensor of θ's dtype and device.
    /// </exception>
    public static Tensor HessianVectorProduct(Func<Tensor, Tensor> function, Tensor point, Tensor direction)
    {
        Validate(function, point);
        TorchArguments.SameLayout(point, nameof(point), direction, nameof(direction));
        TorchArguments.Finite(direction, nameof(direction));
        using var grad = enable_grad();
        using var scope = NewDisposeScope();
        var (x, y) = Evaluate(function, point);
        var g = FirstDerivative(y, x, createGraph: true);
        var directional = g.dot(direction.detach());
        var hv = directional.requires_grad
            ? Derivative(directional, x, retainGraph: false, createGraph: false)
            : zeros_like(x);
        return hv.detach().MoveToOuterDisposeScope();
    }

    private static void Validate(Func<Tensor, Tensor> function, Tensor point)
    {
        ArgumentNullException.ThrowIfNull(function);
        TorchArguments.Vector(point, nameof(point));
        TorchArguments.Finite(point, nameof(point));
    }

    /// <summary>Fresh leaf x = copy of θ with requires_grad, and y = f(x) checked to be a usable scalar.</summary>
    private static (Tensor X, Tensor Y) Evaluate(Func<Tensor, Tensor> function, Tensor point)
    {
        var x = point.detach().clone().requires_grad_(true);
        var y = function(x);
        if (y is null || y.IsInvalid)
            throw new ArgumentException("function returned no tensor.", nameof(function));
        if (y.numel() != 1)
            throw new ArgumentException(
                $"function must return a single-element tensor, got shape {TorchArguments.ShapeText(y.shape)}.", nameof(function));
        if (y.dtype != point.dtype)
            throw new ArgumentException($"function returned dtype {y.dtype}, expected {point.dtype}.", nameof(function));
        if (y.device_type != point.device_type || y.device_index != point.device_index)
            throw new ArgumentException($"function returned a tensor on {y.device}, expected {point.device}.", nameof(function));
        return (x, y.reshape(new long[0]));
    }

    private static Tensor FirstDerivative(Tensor y, Tensor x, bool createGraph) =>
        y.requires_grad ? Derivative(y, x, retainGraph: createGraph, createGraph: createGraph) : zeros_like(x);

    /// <summary>∂output/∂x for a scalar output; an unused x (allow_unused) yields zeros.</summary>
    private static Tensor Derivative(Tensor output, Tensor x, bool retainGraph, bool createGraph)
    {
        var result = autograd.grad(new[] { output }, new[] { x }, retain_graph: retainGraph, create_graph: createGraph, allow_unused: true)[0];
        return result is null || result.IsInvalid ? zeros_like(x) : result;
    }
}
