using static TorchSharp.torch;

namespace Verification.Numerics.Torch.Lodo;

/// <summary>
/// lodo.md Algorithm 1 on tensors with G of eq. (2): x_{t+1} = x_t − G(θ_t)m_t; ℓ_{t+1} = f(x_{t+1}) differentiated by
/// autograd through the step in θ (not via the bilinear shortcut) and in x; θ ← θ + Adam(∇_θℓ_{t+1}) (β₁ = 0.9, β₂ = 0.999,
/// ε = 1e-8); m ← βm + (1 − β)∇_xℓ_{t+1}; m₀ = 0. A reference twin of <c>Verification.Optimizers.Lodo.Lodo</c>.
/// </summary>
public static class TorchLodo
{
    /// <summary>The iterates x_0..x_T of <paramref name="steps"/> steps from x₀, θ₀ on the loss <paramref name="loss"/>.</summary>
    /// <exception cref="ArgumentException">Bad shapes, non-finite inputs, or hyperparameters out of range.</exception>
    public static IReadOnlyList<Tensor> Run(TorchBlockPermutationPreconditioner g, Func<Tensor, Tensor> loss, Tensor x0, Tensor theta0, double metaLearningRate, double beta, int steps)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(loss);
        Require.NonNegative(metaLearningRate, nameof(metaLearningRate));
        Require.NonNegative(beta, nameof(beta));
        if (!(beta < 1))
            throw new ArgumentException($"beta must be < 1, got {Require.Show(beta)}.", nameof(beta));
        if (steps < 0)
            throw new ArgumentException($"steps must be ≥ 0, got {steps}.", nameof(steps));
        // Validates shapes, dtype, device and finiteness of both tensors.
        g.Apply(theta0, x0).Dispose();
        var xs = new List<Tensor> { x0.detach().clone() };
        var x = x0.detach().clone();
        var theta = theta0.detach().clone();
        var m = zeros_like(x);
        var adamM = zeros_like(theta);
        var adamV = zeros_like(theta);
        for (int t = 1; t <= steps; t++)
        {
            using var scope = NewDisposeScope();
            using var enabled = enable_grad();
            var thetaLeaf = theta.detach().clone().requires_grad_(true);
            var xNext = x.detach() - g.Apply(thetaLeaf, m.detach());
            var xLeaf = xNext.detach().clone().requires_grad_(true);
            var lossAtX = loss(xLeaf);
            var gradX = TorchSharp.torch.autograd.grad([lossAtX], [xLeaf])[0].detach();
            var lossAtTheta = loss(xNext);
            var hyper = TorchSharp.torch.autograd.grad([lossAtTheta], [thetaLeaf])[0].detach();
            adamM = adamM.Times(0.9).Plus(hyper.Times(0.1)).MoveToOuterDisposeScope();
            adamV = adamV.Times(0.999).Plus(hyper.Times(0.001) * hyper).MoveToOuterDisposeScope();
            double c1 = 1 - Math.Pow(0.9, t), c2 = 1 - Math.Pow(0.999, t);
            theta = (theta - adamM.DividedBy(c1).Times(metaLearningRate) / adamV.DividedBy(c2).sqrt().Plus(1e-8)).detach().MoveToOuterDisposeScope();
            m = m.Times(beta).Plus(gradX.Times(1 - beta)).detach().MoveToOuterDisposeScope();
            x = xNext.detach().MoveToOuterDisposeScope();
            xs.Add(x.clone().MoveToOuterDisposeScope());
        }
        return xs;
    }
}
