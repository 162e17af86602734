using FsCheck;
using FsCheck.Fluent;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// The discrete structure of a small eq. (2) network: n, block size k, depth N, ñ = ⌈n/k⌉k + k·extra (≥ n, a multiple
/// of k) and the seed of the permutations P_1 … P_N (uniform, as the paper draws them).
/// </summary>
internal sealed record NetworkShape(int N, int K, int Depth, int Extra, int PermutationSeed)
{
    /// <summary>ñ.</summary>
    internal int Width => (N + K - 1) / K * K + K * Extra;

    /// <summary>The length of θ: N·ñ·k.</summary>
    internal int ParameterCount => Depth * Width * K;

    /// <summary>The reference model with this structure (α₀ matters only to its own products).</summary>
    internal BlockPermutationPreconditioner Model(double alpha0 = 1) =>
        BlockPermutationPreconditioner.Random(N, K, Depth, alpha0, PermutationSeed, Width);

    internal IEnumerable<NamedValue> Describe()
    {
        var model = Model();
        return
        [
            NamedValue.Of("n", N), NamedValue.Of("k", K), NamedValue.Of("N", Depth), NamedValue.Of("ñ", Width),
            NamedValue.Text("permutations", string.Join("; ", Enumerable.Range(1, Depth).Select(i => "[" + string.Join(", ", model.Permutation(i)) + "]"))),
        ];
    }

    /// <summary>n ∈ 1..5, k ∈ 1..3, N ∈ 1..3, extra ∈ 0..1, any permutation seed.</summary>
    internal static Gen<NetworkShape> Generator { get; } =
        from n in Gen.Choose(1, 5)
        from k in Gen.Choose(1, 3)
        from depth in Gen.Choose(1, 3)
        from extra in Gen.Choose(0, 1)
        from seed in Gen.Choose(0, int.MaxValue)
        select new NetworkShape(n, k, depth, extra, seed);

    /// <summary>The smallest networks and the corners of the ranges: k = 1, k = n, ñ = n and ñ &gt; n, N = 1 and 3.</summary>
    internal static IReadOnlyList<NetworkShape> Edges { get; } =
    [
        new(1, 1, 1, 0, 1), new(2, 2, 1, 1, 2), new(3, 2, 2, 1, 3), new(4, 3, 2, 1, 4), new(5, 3, 3, 0, 5), new(2, 1, 3, 1, 6),
    ];
}
