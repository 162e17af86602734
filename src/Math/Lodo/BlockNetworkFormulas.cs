using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Lodo;

/// <summary>
/// G(θ) of lodo.md eq. (2) written once over <see cref="IReal{T}"/>: G(θ) = α₀(I 0)G̃(θ)ᵀG̃(θ)(I 0)ᵀ with
/// G̃(θ) = ∏_{i=1}^N B(θ⁽ⁱ⁾)P_i. The structure (n, ñ, k, N and the permutations π_i) is read from a
/// <see cref="BlockPermutationPreconditioner"/>; θ, α₀ and the vectors are values of T. The products are matrix-free and
/// in the reference's order (embed, for i = N…1 permute then multiply by the block, back through the transposes, scale
/// by α₀), so the double instantiation reproduces <see cref="BlockPermutationPreconditioner.Apply(MathNet.Numerics.LinearAlgebra.Vector{double}, MathNet.Numerics.LinearAlgebra.Vector{double})"/>
/// bit for bit, and the exact one is the definition. θ is laid out layer by layer, block by block, each block row-major.
/// </summary>
public static class BlockNetworkFormulas
{
    /// <summary>F v = G̃(θ)(I 0)ᵀv ∈ T^ñ, so that G(θ) = α₀FᵀF.</summary>
    /// <exception cref="ArgumentException">θ or v of the wrong length.</exception>
    public static T[] Factor<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, IReadOnlyList<T> v) where T : IReal<T>
    {
        Check(g, theta);
        CheckLength(g.Dimension, v, nameof(v));
        var y = new T[g.Width];
        for (int j = 0; j < g.Width; j++)
            y[j] = j < g.Dimension ? v[j] : T.Of(0);
        var perms = Permutations(g);
        for (int i = g.Depth - 1; i >= 0; i--)
            y = Block(g, theta, i, Permute(perms[i], y));
        return y;
    }

    /// <summary>(I 0)G̃(θ)ᵀz ∈ Tⁿ for z ∈ T^ñ.</summary>
    /// <exception cref="ArgumentException">θ or z of the wrong length.</exception>
    public static T[] FactorTranspose<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, IReadOnlyList<T> z) where T : IReal<T>
    {
        Check(g, theta);
        CheckLength(g.Width, z, nameof(z));
        var y = z.ToArray();
        var perms = Permutations(g);
        for (int i = 0; i < g.Depth; i++)
            y = PermuteTranspose(perms[i], BlockTranspose(g, theta, i, y));
        return y[..g.Dimension];
    }

    /// <summary>G(θ)v = α₀(I 0)G̃ᵀG̃(I 0)ᵀv.</summary>
    public static T[] Apply<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, T alpha0, IReadOnlyList<T> v) where T : IReal<T> =>
        [.. FactorTranspose(g, theta, Factor(g, theta, v)).Select(y => alpha0 * y)];

    /// <summary>G(θ) as a dense n×n matrix, column j = G(θ)e_j (as the reference assembles it).</summary>
    public static RealMatrix<T> Dense<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, T alpha0) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        int n = g.Dimension;
        var columns = new T[n][];
        for (int j = 0; j < n; j++)
            columns[j] = Apply(g, theta, alpha0, [.. Enumerable.Range(0, n).Select(i => i == j ? T.Of(1) : T.Of(0))]);
        return RealMatrix<T>.Create(n, n, (i, j) => columns[j][i]);
    }

    /// <summary>φ(θ) = aᵀG(θ)u = α₀⟨Fa, Fu⟩, the bilinear form whose θ-gradient is Algorithm 1's hypergradient (negated).</summary>
    public static T Bilinear<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, T alpha0, IReadOnlyList<T> a, IReadOnlyList<T> u) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        return alpha0 * RealVector.Dot(Factor(g, theta, a), Factor(g, theta, u));
    }

    /// <summary>
    /// ∂φ/∂θ_j for every j, by definition: [φ(θ + e_j) − φ(θ − e_j)]/2. Exact, not an approximation: θ_j enters one block of
    /// one layer, so F is affine and φ = α₀⟨Fa, Fu⟩ quadratic in θ_j, and the central difference of a quadratic with any
    /// step is its derivative.
    /// </summary>
    public static T[] BilinearGradient<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, T alpha0, IReadOnlyList<T> a, IReadOnlyList<T> u) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        return CentralDifferences(theta, t => Bilinear(g, t, alpha0, a, u));
    }

    /// <summary>
    /// [f(θ + e_j) − f(θ − e_j)]/2 for every coordinate j: the partial derivatives of f when f is a polynomial of degree ≤ 2
    /// in each single coordinate (the caller's claim).
    /// </summary>
    public static T[] CentralDifferences<T>(IReadOnlyList<T> theta, Func<IReadOnlyList<T>, T> f) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(f);
        var result = new T[theta.Count];
        for (int j = 0; j < theta.Count; j++)
        {
            var plus = theta.ToArray();
            var minus = theta.ToArray();
            plus[j] += T.Of(1);
            minus[j] -= T.Of(1);
            result[j] = (f(plus) - f(minus)) / 2;
        }
        return result;
    }

    private static int[][] Permutations(BlockPermutationPreconditioner g) =>
        [.. Enumerable.Range(1, g.Depth).Select(g.Permutation)];

    private static T[] Permute<T>(int[] p, T[] y)
    {
        var r = new T[y.Length];
        for (int j = 0; j < y.Length; j++)
            r[j] = y[p[j]];
        return r;
    }

    private static T[] PermuteTranspose<T>(int[] p, T[] z)
    {
        var r = new T[z.Length];
        for (int j = 0; j < z.Length; j++)
            r[p[j]] = z[j];
        return r;
    }

    private static T[] Block<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, int layer, T[] y) where T : IReal<T>
    {
        int k = g.BlockSize, offset = layer * g.Width * k;
        var r = new T[g.Width];
        for (int b = 0; b < g.Width / k; b++)
            for (int row = 0; row < k; row++)
            {
                T s = theta[offset + b * k * k + row * k] * y[b * k];
                for (int c = 1; c < k; c++)
                    s += theta[offset + b * k * k + row * k + c] * y[b * k + c];
                r[b * k + row] = s;
            }
        return r;
    }

    private static T[] BlockTranspose<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta, int layer, T[] z) where T : IReal<T>
    {
        int k = g.BlockSize, offset = layer * g.Width * k;
        var r = new T[g.Width];
        for (int b = 0; b < g.Width / k; b++)
            for (int c = 0; c < k; c++)
            {
                T s = theta[offset + b * k * k + c] * z[b * k];
                for (int row = 1; row < k; row++)
                    s += theta[offset + b * k * k + row * k + c] * z[b * k + row];
                r[b * k + c] = s;
            }
        return r;
    }

    private static void Check<T>(BlockPermutationPreconditioner g, IReadOnlyList<T> theta)
    {
        ArgumentNullException.ThrowIfNull(g);
        CheckLength(g.ParameterCount, theta, nameof(theta));
    }

    private static void CheckLength<T>(int expected, IReadOnlyList<T> v, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Count != expected)
            throw new ArgumentException($"{name} has length {v.Count}, expected {expected}.", name);
    }
}
