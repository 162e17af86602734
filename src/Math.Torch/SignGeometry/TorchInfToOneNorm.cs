using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.SignGeometry;

/// <summary>
/// ‖H‖∞,1 = max_{x∈{−1,1}^d}‖Hx‖₁ (balles-thesis eq. 6.18) for a batch of symmetric matrices on the tensor side: the
/// 2^(d−1) sign vectors with x_d = +1 are materialized in chunks as a (d × m) ±1 matrix (vertex k ↦ x_i = 1 − 2·bit_i(k)),
/// multiplied by every H of the batch at once (one bmm per chunk), and reduced by |·|.sum over rows and a running max.
/// Each vertex's ‖Hx‖₁ is computed from scratch (no Gray-code drift). Agrees with
/// <see cref="Verification.Numerics.SignGeometry.InfToOneNorm"/>, the reference.
/// </summary>
public static class TorchInfToOneNorm
{
    /// <summary>Largest d accepted (as the reference: 2^29 vertices per matrix).</summary>
    public const int MaxDimension = Verification.Numerics.SignGeometry.InfToOneNorm.MaxDimension;

    /// <summary>Vertices per chunk (2^14): bounds the (B × d × m) product's memory.</summary>
    public const int ChunkVertices = 1 << 14;

    /// <summary>
    /// ‖H‖∞,1 of each matrix of <paramref name="h"/> (shape d×d or B×d×d, float32/float64, any device): the values (shape []
    /// or [B]) and maximizing sign vectors (shape [d] or [B, d], last entry +1), in <paramref name="h"/>'s dtype and device.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong rank, non-square, non-finite or non-symmetric matrices, or d &gt; <see cref="MaxDimension"/>.</exception>
    public static (Tensor Values, Tensor Maximizers) Compute(Tensor h)
    {
        TorchArguments.Floating(h, nameof(h));
        bool single = h.Dimensions == 2;
        if (h.Dimensions is not (2 or 3))
            throw new ArgumentException($"h must have shape d×d or B×d×d, got {TorchArguments.ShapeText(h.shape)}.", nameof(h));
        var batch = single ? h.unsqueeze(0) : h;
        long count = batch.shape[0];
        if (count == 0)
            throw new ArgumentException("h must hold at least one matrix, got an empty batch.", nameof(h));
        for (long b = 0; b < count; b++)
            using (var m = batch[b])
                TorchArguments.SymmetricMatrix(m, nameof(h));
        int d = (int)batch.shape[1];
        if (d > MaxDimension)
            throw new ArgumentException($"h must have dimension ≤ {MaxDimension} for exact enumeration, got {d}.", nameof(h));

        using var scope = NewDisposeScope();
        long vertices = 1L << (d - 1);
        var best = full(count, TorchScalars.NegativeInfinity, dtype: h.dtype, device: h.device);
        var bestX = ones(count, d, dtype: h.dtype, device: h.device);
        using var bitCount = (d - 1).ToScalar();
        var bits = arange(bitCount, dtype: ScalarType.Int64, device: h.device);
        for (long start = 0; start < vertices; start += ChunkVertices)
        {
            long m = Math.Min(ChunkVertices, vertices - start);
            using var first = start.ToScalar();
            using var end = (start + m).ToScalar();
            var k = arange(first, end, dtype: ScalarType.Int64, device: h.device);
            // (d−1) × m bits → ±1, then the fixed last row +1.
            var signs = (k.unsqueeze(0).bitwise_right_shift(bits.unsqueeze(1)).bitwise_and(1).Times(-2).Plus(1)).to_type(h.dtype);
            var x = cat([signs, ones(1, m, dtype: h.dtype, device: h.device)], 0);
            var values = batch.matmul(x).abs().sum(1);
            var (chunkBest, chunkArg) = values.max(1);
            var better = chunkBest.gt(best);
            best = where(better, chunkBest, best);
            var chosen = x.T.index_select(0, chunkArg);
            bestX = where(better.unsqueeze(1), chosen, bestX);
        }
        var resultValues = single ? best.squeeze(0) : best;
        var resultX = single ? bestX.squeeze(0) : bestX;
        return (resultValues.MoveToOuterDisposeScope(), resultX.MoveToOuterDisposeScope());
    }
}
