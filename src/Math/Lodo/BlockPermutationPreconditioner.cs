using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Lodo;

/// <summary>
/// G(θ) of lodo.md eq. (2): G(θ) = α₀ (I 0) G̃(θ)ᵀ G̃(θ) (I 0)ᵀ with G̃(θ) = ∏_{i=1}^N B(θ⁽ⁱ⁾) P_i, where P_i are fixed
/// random ñ×ñ permutations, B(θ⁽ⁱ⁾) block-diagonal with k×k blocks read from θ⁽ⁱ⁾, and (I 0)ᵀ embeds ℝⁿ in ℝ^ñ.
/// Products are matrix-free: O(ñ·N·k) per Gv. θ is laid out layer by layer, block by block, each block row-major.
/// </summary>
public sealed class BlockPermutationPreconditioner : IPreconditionerModel
{
    private readonly int[][] permutations;

    /// <summary>Builds G from explicit permutations; <c>permutations[i−1]</c> is π_i with (P_i y)[j] = y[π_i[j]].</summary>
    /// <param name="dimension">n.</param>
    /// <param name="width">ñ ≥ n, a multiple of <paramref name="blockSize"/>.</param>
    /// <param name="blockSize">k.</param>
    /// <param name="permutations">π_1..π_N, each a permutation of 0..ñ−1; N = its length ≥ 1.</param>
    /// <param name="alpha0">α₀, the initial learning rate (finite; the sign is not restricted, as in Algorithm 1).</param>
    public BlockPermutationPreconditioner(int dimension, int width, int blockSize, IReadOnlyList<int[]> permutations, double alpha0)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        if (blockSize < 1)
            throw new ArgumentException($"blockSize must be ≥ 1, got {blockSize}.", nameof(blockSize));
        if (width < dimension || width % blockSize != 0)
            throw new ArgumentException($"width must be ≥ dimension ({dimension}) and a multiple of blockSize ({blockSize}), got {width}.", nameof(width));
        ArgumentNullException.ThrowIfNull(permutations);
        if (permutations.Count < 1)
            throw new ArgumentException("permutations must hold at least one layer (N ≥ 1), got 0.", nameof(permutations));
        for (int i = 0; i < permutations.Count; i++)
        {
            var p = permutations[i] ?? throw new ArgumentException($"permutations[{i}] is null.", nameof(permutations));
            if (p.Length != width || !p.OrderBy(x => x).SequenceEqual(Enumerable.Range(0, width)))
                throw new ArgumentException($"permutations[{i}] must be a permutation of 0..{width - 1}.", nameof(permutations));
        }
        Dimension = dimension;
        Width = width;
        BlockSize = blockSize;
        Alpha0 = Require.Finite(alpha0, nameof(alpha0));
        this.permutations = permutations.Select(p => (int[])p.Clone()).ToArray();
    }

    /// <summary>
    /// The paper's set-up (§3): N seeded uniform permutations, ñ = ⌊2n/k⌋·k (at least k and at least n).
    /// </summary>
    public static BlockPermutationPreconditioner Random(int dimension, int blockSize, int depth, double alpha0, int seed, int? width = null)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        if (blockSize < 1)
            throw new ArgumentException($"blockSize must be ≥ 1, got {blockSize}.", nameof(blockSize));
        if (depth < 1)
            throw new ArgumentException($"depth must be ≥ 1, got {depth}.", nameof(depth));
        int w = width ?? PaperWidth(dimension, blockSize);
        var random = new System.Random(seed);
        var perms = Enumerable.Range(0, depth).Select(_ => RandomOrthogonal.Permutation(w, random)).ToArray();
        return new BlockPermutationPreconditioner(dimension, w, blockSize, perms, alpha0);
    }

    /// <summary>ñ = ⌊2n/k⌋·k of §3, raised to the next multiple of k that is ≥ n when that is smaller.</summary>
    public static int PaperWidth(int dimension, int blockSize)
    {
        if (dimension < 1 || blockSize < 1)
            throw new ArgumentException($"dimension and blockSize must be ≥ 1, got {dimension} and {blockSize}.", nameof(dimension));
        int w = 2 * dimension / blockSize * blockSize;
        int atLeastN = (dimension + blockSize - 1) / blockSize * blockSize;
        return Math.Max(w, atLeastN);
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>ñ.</summary>
    public int Width { get; }

    /// <summary>k.</summary>
    public int BlockSize { get; }

    /// <summary>N.</summary>
    public int Depth => permutations.Length;

    /// <summary>α₀.</summary>
    public double Alpha0 { get; }

    /// <summary>π_i (1-based layer index i), a copy.</summary>
    public int[] Permutation(int layer)
    {
        if (layer < 1 || layer > Depth)
            throw new ArgumentException($"layer must be in 1..{Depth}, got {layer}.", nameof(layer));
        return (int[])permutations[layer - 1].Clone();
    }

    /// <inheritdoc />
    public int ParameterCount => Depth * Width * BlockSize;

    /// <inheritdoc />
    public string Name => $"eq2(n={Dimension},ñ={Width},k={BlockSize},N={Depth},α0={Require.Show(Alpha0)})";

    /// <summary>θ₀ of §3: every block an independent Haar-random orthogonal matrix, so that G(θ₀) = α₀I.</summary>
    public Vector<double> Initial(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var theta = new double[ParameterCount];
        int blocks = Depth * Width / BlockSize;
        for (int b = 0; b < blocks; b++)
        {
            var q = RandomOrthogonal.Draw(BlockSize, random);
            for (int r = 0; r < BlockSize; r++)
                for (int c = 0; c < BlockSize; c++)
                    theta[b * BlockSize * BlockSize + r * BlockSize + c] = q[r, c];
        }
        return Vector<double>.Build.DenseOfArray(theta);
    }

    /// <inheritdoc />
    public Vector<double> Apply(Vector<double> theta, Vector<double> v) => Apply(theta, v, null);

    /// <summary>G(θ)v, counting operations in <paramref name="counter"/> when given.</summary>
    public Vector<double> Apply(Vector<double> theta, Vector<double> v, OperationCounter? counter)
    {
        var t = CheckTheta(theta);
        CheckVector(v, nameof(v));
        var y = Embed(v, counter);
        y = TildeApply(t, y, counter, null);
        y = TildeTransposeApply(t, y, counter);
        var result = new double[Dimension];
        for (int j = 0; j < Dimension; j++)
            result[j] = Alpha0 * y[j];
        counter?.AddMultiplyAdds(Dimension);
        return Vector<double>.Build.DenseOfArray(result);
    }

    /// <summary>G̃(θ)(I 0)ᵀv ∈ ℝ^ñ, so that G(θ) = α₀ FᵀF with F this map.</summary>
    public Vector<double> Factor(Vector<double> theta, Vector<double> v)
    {
        var t = CheckTheta(theta);
        CheckVector(v, nameof(v));
        return Vector<double>.Build.DenseOfArray(TildeApply(t, Embed(v, null), null, null));
    }

    /// <inheritdoc />
    public Matrix<double> Dense(Vector<double> theta)
    {
        CheckTheta(theta);
        var g = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int j = 0; j < Dimension; j++)
        {
            var e = Vector<double>.Build.Dense(Dimension);
            e[j] = 1;
            g.SetColumn(j, Apply(theta, e));
        }
        return g;
    }

    /// <inheritdoc />
    public Vector<double> BilinearGradient(Vector<double> theta, Vector<double> a, Vector<double> u)
    {
        var t = CheckTheta(theta);
        CheckVector(a, nameof(a));
        CheckVector(u, nameof(u));
        // φ = α₀⟨G̃Sa, G̃Su⟩; record the input of every B_i for both vectors, then backpropagate.
        var aIn = new double[Depth][];
        var uIn = new double[Depth][];
        var aOut = TildeApply(t, Embed(a, null), null, aIn);
        var uOut = TildeApply(t, Embed(u, null), null, uIn);
        var ca = uOut.Select(x => Alpha0 * x).ToArray(); // ∂φ/∂(G̃Sa)
        var cu = aOut.Select(x => Alpha0 * x).ToArray(); // ∂φ/∂(G̃Su)
        var grad = new double[ParameterCount];
        int k = BlockSize, blocks = Width / k;
        for (int i = 0; i < Depth; i++)
        {
            int layerOffset = i * Width * k;
            for (int b = 0; b < blocks; b++)
                for (int r = 0; r < k; r++)
                    for (int c = 0; c < k; c++)
                        grad[layerOffset + b * k * k + r * k + c] += ca[b * k + r] * aIn[i][b * k + c] + cu[b * k + r] * uIn[i][b * k + c];
            ca = PermuteTranspose(i, BlockTranspose(t, i, ca, null), null);
            cu = PermuteTranspose(i, BlockTranspose(t, i, cu, null), null);
        }
        return Vector<double>.Build.DenseOfArray(grad);
    }

    private double[] Embed(Vector<double> v, OperationCounter? counter)
    {
        var y = new double[Width];
        for (int j = 0; j < Dimension; j++)
            y[j] = v[j];
        counter?.AddMoves(Dimension);
        return y;
    }

    /// <summary>G̃ y: for i = N..1, y ← B_i P_i y. Records the input of each B_i (0-based layer) when asked.</summary>
    private double[] TildeApply(double[] theta, double[] y, OperationCounter? counter, double[][]? blockInputs)
    {
        for (int i = Depth - 1; i >= 0; i--)
        {
            y = Permute(i, y, counter);
            if (blockInputs is not null)
                blockInputs[i] = (double[])y.Clone();
            y = Block(theta, i, y, counter);
        }
        return y;
    }

    /// <summary>G̃ᵀ z: for i = 1..N, z ← P_iᵀ B_iᵀ z.</summary>
    private double[] TildeTransposeApply(double[] theta, double[] z, OperationCounter? counter)
    {
        for (int i = 0; i < Depth; i++)
            z = PermuteTranspose(i, BlockTranspose(theta, i, z, counter), counter);
        return z;
    }

    private double[] Permute(int layer, double[] y, OperationCounter? counter)
    {
        var p = permutations[layer];
        var r = new double[Width];
        for (int j = 0; j < Width; j++)
            r[j] = y[p[j]];
        counter?.AddMoves(Width);
        return r;
    }

    private double[] PermuteTranspose(int layer, double[] z, OperationCounter? counter)
    {
        var p = permutations[layer];
        var r = new double[Width];
        for (int j = 0; j < Width; j++)
            r[p[j]] = z[j];
        counter?.AddMoves(Width);
        return r;
    }

    private double[] Block(double[] theta, int layer, double[] y, OperationCounter? counter)
    {
        int k = BlockSize, blocks = Width / k, offset = layer * Width * k;
        var r = new double[Width];
        for (int b = 0; b < blocks; b++)
            for (int row = 0; row < k; row++)
            {
                double s = 0;
                for (int c = 0; c < k; c++)
                    s += theta[offset + b * k * k + row * k + c] * y[b * k + c];
                r[b * k + row] = s;
            }
        counter?.AddMultiplyAdds((long)Width * k);
        return r;
    }

    private double[] BlockTranspose(double[] theta, int layer, double[] z, OperationCounter? counter)
    {
        int k = BlockSize, blocks = Width / k, offset = layer * Width * k;
        var r = new double[Width];
        for (int b = 0; b < blocks; b++)
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int row = 0; row < k; row++)
                    s += theta[offset + b * k * k + row * k + c] * z[b * k + row];
                r[b * k + c] = s;
            }
        counter?.AddMultiplyAdds((long)Width * k);
        return r;
    }

    private double[] CheckTheta(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(ParameterCount, theta.Count, nameof(theta));
        return theta.ToArray();
    }

    private void CheckVector(Vector<double> v, string name)
    {
        Require.Finite(v, name);
        Require.SameLength(Dimension, v.Count, name);
    }
}
