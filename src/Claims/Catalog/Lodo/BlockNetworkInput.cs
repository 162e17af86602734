using FsCheck;
using FsCheck.Fluent;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// A small eq. (2) network: n, k, N, ñ = ⌈n/k⌉k + k·extra, α₀, the seed of the permutations and of θ. Its orthogonal θ
/// has exactly orthogonal rational blocks Q = Cayley(S)·diag(±1) (S skew with small integers), so "every block is
/// orthogonal" holds exactly in the certification, and θ in double is the rounding of those rationals.
/// </summary>
internal sealed record BlockNetworkInput(int N, int K, int Depth, int Extra, double Alpha0, int Seed)
{
    internal int Width => (N + K - 1) / K * K + K * Extra;

    internal BlockPermutationPreconditioner Model() => BlockPermutationPreconditioner.Random(N, K, Depth, Alpha0, Seed, Width);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<BlockNetworkInput, Fraction[]> Orthogonal = new();

    /// <summary>Exactly orthogonal rational blocks, layer by layer, block by block, row-major (memoized: inputs repeat during the search).</summary>
    internal Fraction[] OrthogonalTheta() => (Fraction[])Orthogonal.GetOrAdd(this, e => e.DrawOrthogonalTheta()).Clone();

    private Fraction[] DrawOrthogonalTheta()
    {
        var random = new System.Random(Seed ^ 0x2545F491);
        var theta = new List<Fraction>();
        int blocks = Depth * Width / K;
        for (int b = 0; b < blocks; b++)
        {
            var s = new long[K, K];
            for (int i = 0; i < K; i++)
                for (int j = i + 1; j < K; j++)
                {
                    s[i, j] = random.Next(-3, 4);
                    s[j, i] = -s[i, j];
                }
            var q = ExactMatrix.Cayley(ExactMatrix.FromIntegers(s));
            var signs = Enumerable.Range(0, K).Select(_ => random.Next(2) == 0 ? Fraction.One : -Fraction.One).ToArray();
            for (int r = 0; r < K; r++)
                for (int c = 0; c < K; c++)
                    theta.Add(q[r, c] * signs[c]);
        }
        return theta.ToArray();
    }

    /// <summary>Arbitrary θ: small integers, halves, zeros and log-uniform magnitudes, seeded.</summary>
    internal double[] ArbitraryTheta()
    {
        var random = new System.Random(Seed ^ 0x6C8E9CF5);
        int count = Depth * Width * K;
        return Enumerable.Range(0, count).Select(_ => random.Next(6) switch
        {
            0 => 0.0,
            1 => random.Next(-3, 4),
            2 => random.Next(-8, 9) / 4.0,
            _ => (random.NextDouble() * 2 - 1) * System.Math.Pow(2, random.Next(-8, 9)),
        }).ToArray();
    }

    internal static double[] Round(IEnumerable<Fraction> xs) => xs.Select(ExactDouble.ToDouble).ToArray();

    internal static Vector<double> Vector(double[] xs) => Vector<double>.Build.DenseOfArray(xs);

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("n", N.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        NamedValue.Text("k", K.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        NamedValue.Text("N", Depth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        NamedValue.Text("ñ", Width.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        NamedValue.Of("alpha0", Alpha0),
        NamedValue.Text("seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    internal BlockNetworkInput Perturb(System.Random random, double minAlpha0 = 0) => random.Next(3) switch
    {
        0 => this with { Seed = random.Next() },
        1 => this with { Alpha0 = EdgeDoubles.Perturb(Alpha0, random, minAlpha0, 1e3) },
        _ => this with { Depth = System.Math.Clamp(Depth + random.Next(-1, 2), 1, 3) },
    };

    /// <summary>n ∈ 1..5, k ∈ 1..3, N ∈ 1..3, extra ∈ 0..1, α₀ from <paramref name="alpha0"/>.</summary>
    internal static Gen<BlockNetworkInput> Generator(Gen<double> alpha0) =>
        from n in Gen.Choose(1, 5)
        from k in Gen.Choose(1, 3)
        from depth in Gen.Choose(1, 3)
        from extra in Gen.Choose(0, 1)
        from a in alpha0
        from seed in Gen.Choose(0, int.MaxValue)
        select new BlockNetworkInput(n, k, depth, extra, a, seed);

    internal static IEnumerable<BlockNetworkInput> Edges(double alpha0) =>
    [
        new(1, 1, 1, 0, alpha0, 1), new(2, 2, 1, 1, alpha0, 2), new(3, 2, 2, 1, alpha0, 3), new(4, 4, 2, 1, alpha0, 4),
        new(5, 3, 3, 0, alpha0, 5), new(2, 1, 3, 1, alpha0, 6),
    ];
}
