using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Lodo;

/// <summary>
/// G(θ) of lodo.md eq. (2): G(θ) = α₀ (I 0) G̃(θ)ᵀ G̃(θ) (I 0)ᵀ with G̃(θ) = ∏_{i=1}^N B(θ⁽ⁱ⁾) P_i, where P_i are fixed
/// random ñ×ñ permutations, B(θ⁽ⁱ⁾) block-diagonal with k×k blocks read from θ⁽ⁱ⁾, and (I 0)ᵀ embeds ℝⁿ in ℝ^ñ.
/// Products are matrix-free: O(ñ·N·k) per Gv. θ is laid out layer by layer, block by block, each block row-major.
/// </summary>
/// <remarks>
/// Range: every finite θ, v and α₀; a result entry is ±∞ exactly where its exact value is beyond ±double.MaxValue (IEEE
/// overflow, so that a diverging LODO run is recorded as non-finite, as Trajectory.Record expects). The
/// vector between layers is kept as ŷ·2^e with max|ŷ| in [1, 2) and each layer's block entries are scaled by 2^-s_i
/// (s_i = ⌊log₂ max|θ⁽ⁱ⁾|⌋), both exact powers of two, so no partial product or sum overflows or underflows on the way:
/// G(θ)v with θ = 1e200, α₀ = 1e-300 (n = k = N = 1) is 1e100·v, where the former products gave ∞, and with θ = 1e-200,
/// α₀ = 1e300 it is 1e-100·v, not 0. For inputs whose intermediate values stay normal doubles, the results are bit for
/// bit those of the unscaled products. Accuracy (normwise, u = 2^-53): each entry within (2Nk + 2)u·|α₀|·∏_i (k·max|θ⁽ⁱ⁾|)²·max|v|
/// of the exact value, plus 2^-1074 where it is subnormal (values below 2^-1074 of the running maximum are dropped).
/// </remarks>
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
        int e = 0;
        y = TildeApply(t, y, ref e, counter, null, null);
        y = TildeTransposeApply(t, y, ref e, counter);
        var result = new double[Dimension];
        int a = Alpha0 == 0 ? 0 : Math.ILogB(Alpha0);
        double alpha = Math.ScaleB(Alpha0, -a); // exact: |α̂| in [1, 2)
        for (int j = 0; j < Dimension; j++)
            result[j] = Scaled(alpha * y[j], (long)e + a);
        counter?.AddMultiplyAdds(Dimension);
        return Vector<double>.Build.DenseOfArray(result);
    }

    /// <summary>G̃(θ)(I 0)ᵀv ∈ ℝ^ñ, so that G(θ) = α₀ FᵀF with F this map.</summary>
    /// <remarks>
    /// Range: every finite θ and v (others are rejected, naming the parameter); an entry is ±∞ exactly where its exact
    /// value is beyond ±double.MaxValue, as in <see cref="Apply(Vector{double}, Vector{double})"/>, and no intermediate
    /// over- or underflows (the same power-of-two scaling). Accuracy (u = 2^-53): each entry within
    /// (Nk + 1)u·∏_i (k·max|θ⁽ⁱ⁾|)·max|v| of the exact value (k roundings a layer), plus 2^-1074 where it is subnormal.
    /// </remarks>
    public Vector<double> Factor(Vector<double> theta, Vector<double> v)
    {
        var t = CheckTheta(theta);
        CheckVector(v, nameof(v));
        int e = 0;
        var y = TildeApply(t, Embed(v, null), ref e, null, null, null);
        return Vector<double>.Build.DenseOfArray([.. y.Select(x => Scaled(x, e))]);
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
    /// <remarks>
    /// Range: every finite θ, a and u (others are rejected, naming the parameter); an entry is ±∞ exactly where its exact
    /// value is beyond ±double.MaxValue, and no intermediate over- or underflows (the forward and backward vectors are
    /// kept as ŷ·2^e as in the type's remarks). Accuracy (u = 2^-53): each entry of layer i within
    /// ((2N − 1)k + 4)u·2Q_i of the exact ∂(aᵀG(θ)u)/∂θ, Q_i = |α₀|·k·max|θ⁽ⁱ⁾|·∏_{j≠i}(k·max|θ⁽ʲ⁾|)²·max|a|·max|u| (the
    /// bound of each of its two terms; (2N − 1)k + 3 roundings on each path, one u more for second-order terms and the
    /// dropped values below 2^-1074 of their running maximum), plus 2^-1074 where it is subnormal.
    /// </remarks>
    public Vector<double> BilinearGradient(Vector<double> theta, Vector<double> a, Vector<double> u)
    {
        var t = CheckTheta(theta);
        CheckVector(a, nameof(a));
        CheckVector(u, nameof(u));
        // φ = α₀⟨G̃Sa, G̃Su⟩; record the input of every B_i for both vectors (with their exponents), then backpropagate.
        // Every vector is ŷ·2^e (see the remarks); α₀ = α̂·2^a.
        var aIn = new double[Depth][];
        var uIn = new double[Depth][];
        var aInExp = new int[Depth];
        var uInExp = new int[Depth];
        int ea = 0, eu = 0;
        var aOut = TildeApply(t, Embed(a, null), ref ea, null, aIn, aInExp);
        var uOut = TildeApply(t, Embed(u, null), ref eu, null, uIn, uInExp);
        int alphaExp = Alpha0 == 0 ? 0 : Math.ILogB(Alpha0);
        double alpha = Math.ScaleB(Alpha0, -alphaExp);
        var ca = uOut.Select(x => alpha * x).ToArray(); // ∂φ/∂(G̃Sa) = ca·2^eca
        var cu = aOut.Select(x => alpha * x).ToArray(); // ∂φ/∂(G̃Su) = cu·2^ecu
        int eca = eu + alphaExp, ecu = ea + alphaExp;
        var grad = new double[ParameterCount];
        int k = BlockSize, blocks = Width / k;
        for (int i = 0; i < Depth; i++)
        {
            int layerOffset = i * Width * k;
            long e1 = (long)eca + aInExp[i], e2 = (long)ecu + uInExp[i], top = Math.Max(e1, e2);
            int d1 = (int)Math.Max(e1 - top, -2000), d2 = (int)Math.Max(e2 - top, -2000);
            for (int b = 0; b < blocks; b++)
                for (int r = 0; r < k; r++)
                    for (int c = 0; c < k; c++)
                    {
                        int index = layerOffset + b * k * k + r * k + c;
                        double sum = Math.ScaleB(ca[b * k + r] * aIn[i][b * k + c], d1) + Math.ScaleB(cu[b * k + r] * uIn[i][b * k + c], d2);
                        grad[index] = Scaled(sum, top);
                    }
            ca = PermuteTranspose(i, BlockTranspose(t, i, Normalize(ca, ref eca), ref eca, null), null);
            cu = PermuteTranspose(i, BlockTranspose(t, i, Normalize(cu, ref ecu), ref ecu, null), null);
        }
        return Vector<double>.Build.DenseOfArray(grad);
    }

    /// <summary>x·2^e rounded once: ±∞ exactly where it is beyond ±double.MaxValue.</summary>
    private static double Scaled(double x, long e) => x == 0 ? 0.0 : Math.ScaleB(x, (int)Math.Clamp(e, -4000, 4000));

    /// <summary>y = ŷ·2^k with max|ŷ| in [1, 2): ŷ returned, k added to <paramref name="exponent"/> (exact but for entries below 2^-1074 of the maximum).</summary>
    private static double[] Normalize(double[] y, ref int exponent)
    {
        double m = 0;
        foreach (double x in y)
            m = Math.Max(m, Math.Abs(x));
        if (m == 0)
            return y;
        int k = Math.ILogB(m);
        if (k == 0)
            return y;
        exponent += k;
        var r = new double[y.Length];
        for (int j = 0; j < y.Length; j++)
            r[j] = Math.ScaleB(y[j], -k);
        return r;
    }

    /// <summary>2^-s_i with s_i = ⌊log₂ max|θ⁽ⁱ⁾|⌋ (1 for an all-zero layer), and s_i.</summary>
    private (double Factor, int Exponent) LayerScale(double[] theta, int layer)
    {
        int count = Width * BlockSize, offset = layer * count;
        double m = 0;
        for (int j = 0; j < count; j++)
            m = Math.Max(m, Math.Abs(theta[offset + j]));
        if (m == 0)
            return (1, 0);
        int s = Math.ILogB(m);
        return (Math.ScaleB(1.0, -Math.Clamp(s, -1022, 1023)), Math.Clamp(s, -1022, 1023));
    }

    private double[] Embed(Vector<double> v, OperationCounter? counter)
    {
        var y = new double[Width];
        for (int j = 0; j < Dimension; j++)
            y[j] = v[j];
        counter?.AddMoves(Dimension);
        return y;
    }

    /// <summary>G̃ y: for i = N..1, y ← B_i P_i y, as ŷ·2^e. Records the input of each B_i (0-based layer, with its exponent) when asked.</summary>
    private double[] TildeApply(double[] theta, double[] y, ref int exponent, OperationCounter? counter, double[][]? blockInputs, int[]? inputExponents)
    {
        y = Normalize(y, ref exponent);
        for (int i = Depth - 1; i >= 0; i--)
        {
            y = Permute(i, y, counter);
            if (blockInputs is not null)
            {
                blockInputs[i] = (double[])y.Clone();
                inputExponents![i] = exponent;
            }
            y = Normalize(Block(theta, i, y, ref exponent, counter), ref exponent);
        }
        return y;
    }

    /// <summary>G̃ᵀ z: for i = 1..N, z ← P_iᵀ B_iᵀ z, as ẑ·2^e.</summary>
    private double[] TildeTransposeApply(double[] theta, double[] z, ref int exponent, OperationCounter? counter)
    {
        for (int i = 0; i < Depth; i++)
            z = Normalize(PermuteTranspose(i, BlockTranspose(theta, i, z, ref exponent, counter), counter), ref exponent);
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

    /// <summary>B_i y for y = ŷ·2^e: the blocks scaled by 2^-s_i (exact), s_i added to <paramref name="exponent"/>.</summary>
    private double[] Block(double[] theta, int layer, double[] y, ref int exponent, OperationCounter? counter)
    {
        int k = BlockSize, blocks = Width / k, offset = layer * Width * k;
        var (f, shift) = LayerScale(theta, layer);
        exponent += shift;
        var r = new double[Width];
        for (int b = 0; b < blocks; b++)
            for (int row = 0; row < k; row++)
            {
                double s = 0;
                for (int c = 0; c < k; c++)
                    s += theta[offset + b * k * k + row * k + c] * f * y[b * k + c];
                r[b * k + row] = s;
            }
        counter?.AddMultiplyAdds((long)Width * k);
        return r;
    }

    /// <summary>B_iᵀ z for z = ẑ·2^e, scaled as in <see cref="Block"/>.</summary>
    private double[] BlockTranspose(double[] theta, int layer, double[] z, ref int exponent, OperationCounter? counter)
    {
        int k = BlockSize, blocks = Width / k, offset = layer * Width * k;
        var (f, shift) = LayerScale(theta, layer);
        exponent += shift;
        var r = new double[Width];
        for (int b = 0; b < blocks; b++)
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int row = 0; row < k; row++)
                    s += theta[offset + b * k * k + row * k + c] * f * z[b * k + row];
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
