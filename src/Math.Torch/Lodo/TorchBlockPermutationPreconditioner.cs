using Verification.Numerics.Lodo;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.Lodo;

/// <summary>
/// G(θ) of lodo.md eq. (2) on tensors: the same permutations as a reference <see cref="BlockPermutationPreconditioner"/>,
/// θ a [N·ñ·k] tensor laid out as the reference lays it out (layer, block, row-major k×k), products by gathers and batched
/// k×k matrix products, and Algorithm 1's hypergradient −∂_θ(gᵀG(θ)m) by autograd.
/// </summary>
public sealed class TorchBlockPermutationPreconditioner
{
    private readonly BlockPermutationPreconditioner structure;
    private readonly long[][] forward, inverse;

    /// <summary>The tensor twin of <paramref name="structure"/> (its permutations, n, ñ, k, N and α₀).</summary>
    public TorchBlockPermutationPreconditioner(BlockPermutationPreconditioner structure)
    {
        this.structure = structure ?? throw new ArgumentNullException(nameof(structure));
        forward = new long[structure.Depth][];
        inverse = new long[structure.Depth][];
        for (int i = 0; i < structure.Depth; i++)
        {
            var p = structure.Permutation(i + 1);
            forward[i] = p.Select(x => (long)x).ToArray();
            inverse[i] = new long[p.Length];
            for (int j = 0; j < p.Length; j++)
                inverse[i][p[j]] = j;
        }
    }

    /// <summary>The reference structure.</summary>
    public BlockPermutationPreconditioner Structure => structure;

    /// <summary>G(θ)v, shape [n], differentiable in θ and v.</summary>
    /// <exception cref="ArgumentException">θ or v not a finite float vector of the right length, or of different dtype/device.</exception>
    public Tensor Apply(Tensor theta, Tensor v)
    {
        Check(theta, v, nameof(v));
        using var scope = NewDisposeScope();
        int w = structure.Width, k = structure.BlockSize, depth = structure.Depth, blocks = w / k;
        var b = theta.reshape(depth, blocks, k, k);
        var y = cat([v, zeros(w - structure.Dimension, dtype: v.dtype, device: v.device)]);
        for (int i = depth - 1; i >= 0; i--)
        {
            y = y.index_select(0, tensor(forward[i], device: v.device));
            y = b[i].bmm(y.reshape(blocks, k, 1)).reshape(w);
        }
        for (int i = 0; i < depth; i++)
        {
            y = b[i].transpose(1, 2).bmm(y.reshape(blocks, k, 1)).reshape(w);
            y = y.index_select(0, tensor(inverse[i], device: v.device));
        }
        return y.narrow(0, 0, structure.Dimension).Times(structure.Alpha0).MoveToOuterDisposeScope();
    }

    /// <summary>Algorithm 1's hypergradient ∇_θ ℓ_{t+1} = −∂_θ(g_{t+1}ᵀG(θ)m_t) by autograd, shape [N·ñ·k], detached.</summary>
    /// <exception cref="ArgumentException">Inputs not finite float vectors of the right lengths, or of mixed dtype/device.</exception>
    public Tensor Hypergradient(Tensor theta, Tensor gradient, Tensor momentum)
    {
        Check(theta, gradient, nameof(gradient));
        Check(theta, momentum, nameof(momentum));
        using var grad = enable_grad();
        using var scope = NewDisposeScope();
        var leaf = theta.detach().clone().requires_grad_(true);
        var phi = gradient.detach().dot(Apply(leaf, momentum.detach()));
        var d = TorchSharp.torch.autograd.grad([phi], [leaf])[0];
        return (-d).detach().MoveToOuterDisposeScope();
    }

    private void Check(Tensor theta, Tensor v, string name)
    {
        TorchArguments.Vector(theta, nameof(theta));
        TorchArguments.Finite(theta, nameof(theta));
        if (theta.shape[0] != structure.ParameterCount)
            throw new ArgumentException($"theta must have {structure.ParameterCount} entries, got {theta.shape[0]}.", nameof(theta));
        TorchArguments.SameKind(theta, nameof(theta), v, name);
        TorchArguments.Vector(v, name);
        TorchArguments.Finite(v, name);
        if (v.shape[0] != structure.Dimension)
            throw new ArgumentException($"{name} must have {structure.Dimension} entries, got {v.shape[0]}.", name);
    }
}
