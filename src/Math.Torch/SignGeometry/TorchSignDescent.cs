using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.SignGeometry;

/// <summary>
/// Sign gradient descent on the tensor side, batched over rows: the plain step −α·sign(g) (balles-thesis eq. 6.1) and the
/// norm-scaled step −(‖g‖₁/L∞)·sign(g) (eq. 6.10), with sign(0) = 0 as in the reference
/// (<c>Verification.Optimizers.Sign</c>), and runs on batches of quadratics ½θᵀHθ − bᵀθ.
/// </summary>
public static class TorchSignDescent
{
    /// <summary>−α·sign(g) for a gradient batch <paramref name="gradient"/> (shape [d] or [B, d]).</summary>
    /// <exception cref="ArgumentException">Non-float, empty or non-finite gradient, or α not finite and &gt; 0.</exception>
    public static Tensor SignStep(Tensor gradient, double stepSize)
    {
        CheckGradient(gradient);
        Require.Positive(stepSize, nameof(stepSize));
        using var negativeStep = (-stepSize).ToScalar();
        return gradient.sign().mul(negativeStep);
    }

    /// <summary>−(‖g‖₁/L∞)·sign(g) row by row; <paramref name="lInfinity"/> has one entry per row (shape [] or [B]).</summary>
    /// <exception cref="ArgumentException">Invalid gradient, or L∞ not finite and &gt; 0, or mismatched shapes.</exception>
    public static Tensor NormScaledStep(Tensor gradient, Tensor lInfinity)
    {
        CheckGradient(gradient);
        TorchArguments.SameKind(gradient, nameof(gradient), lInfinity, nameof(lInfinity));
        TorchArguments.Positive(lInfinity, nameof(lInfinity));
        long rows = gradient.Dimensions == 1 ? 1 : gradient.shape[0];
        if (lInfinity.numel() != rows)
            throw new ArgumentException($"lInfinity must have one entry per gradient row ({rows}), got shape {TorchArguments.ShapeText(lInfinity.shape)}.", nameof(lInfinity));
        using var scope = NewDisposeScope();
        var g = gradient.Dimensions == 1 ? gradient.unsqueeze(0) : gradient;
        var radius = g.abs().sum(1, keepdim: true) / lInfinity.reshape(-1, 1);
        var step = -(radius * g.sign());
        return (gradient.Dimensions == 1 ? step.squeeze(0) : step).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// T steps of sign-GD on the quadratics ½θᵀH_bθ − b_bᵀθ: <paramref name="hessians"/> [B, d, d], <paramref name="linear"/> and
    /// <paramref name="theta0"/> [B, d]. With <paramref name="lInfinity"/> ([B]) the norm-scaled step (6.10), otherwise
    /// −α·sign(∇f). Returns the iterates [B, T + 1, d].
    /// </summary>
    /// <exception cref="ArgumentException">Shape, dtype or value errors (named).</exception>
    public static Tensor Run(Tensor hessians, Tensor linear, Tensor theta0, int steps, double stepSize = 0, Tensor? lInfinity = null)
    {
        TorchArguments.Floating(hessians, nameof(hessians));
        if (hessians.Dimensions != 3)
            throw new ArgumentException($"hessians must have shape B×d×d, got {TorchArguments.ShapeText(hessians.shape)}.", nameof(hessians));
        for (long b = 0; b < hessians.shape[0]; b++)
            using (var m = hessians[b])
                TorchArguments.SymmetricMatrix(m, nameof(hessians));
        TorchArguments.SameKind(hessians, nameof(hessians), linear, nameof(linear));
        TorchArguments.SameLayout(linear, nameof(linear), theta0, nameof(theta0));
        TorchArguments.Finite(linear, nameof(linear));
        TorchArguments.Finite(theta0, nameof(theta0));
        if (linear.Dimensions != 2 || linear.shape[0] != hessians.shape[0] || linear.shape[1] != hessians.shape[1])
            throw new ArgumentException($"linear must have shape {hessians.shape[0]}×{hessians.shape[1]}, got {TorchArguments.ShapeText(linear.shape)}.", nameof(linear));
        if (steps < 0)
            throw new ArgumentException($"steps must be ≥ 0, got {steps}.", nameof(steps));
        if (lInfinity is null)
            Require.Positive(stepSize, nameof(stepSize));

        using var scope = NewDisposeScope();
        var theta = theta0.detach().clone();
        var iterates = new List<Tensor> { theta };
        using var negativeStep = (-stepSize).ToScalar();
        for (int t = 0; t < steps; t++)
        {
            var g = hessians.matmul(theta.unsqueeze(2)).squeeze(2) - linear;
            var step = lInfinity is null ? g.sign().mul(negativeStep) : NormScaledStep(g, lInfinity);
            theta = theta.Plus(step);
            iterates.Add(theta);
        }
        return stack(iterates, 1).MoveToOuterDisposeScope();
    }

    private static void CheckGradient(Tensor gradient)
    {
        TorchArguments.Floating(gradient, nameof(gradient));
        if (gradient.Dimensions is not (1 or 2) || gradient.numel() == 0)
            throw new ArgumentException($"gradient must have shape [d] or [B, d] and be non-empty, got {TorchArguments.ShapeText(gradient.shape)}.", nameof(gradient));
        TorchArguments.Finite(gradient, nameof(gradient));
    }
}
