using System.Collections.Concurrent;
using Fractions;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Verification.Numerics.Exact;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// An eq. (2) network at an orthogonal θ (§3's initialization) and α₀: every k×k block is Q = Cayley(S)·diag(±1) with S
/// skew-symmetric with entries in −3..3, so every block is EXACTLY orthogonal with small rational entries p/q
/// (q = det(I + S) ≤ 28). The statement reads the blocks as exact constants (T.Ratio(p, q)); the reference is given their
/// roundings (the nearest doubles, which is what it can represent).
/// </summary>
internal sealed record OrthogonalNetworkInput(NetworkShape Shape, double Alpha0, int BlockSeed)
{
    private static readonly ConcurrentDictionary<(NetworkShape, int), (long P, long Q)[]> Blocks = new();

    /// <summary>θ as exact fractions p/q, layer by layer, block by block, row-major (memoized: inputs recur in a search).</summary>
    internal IReadOnlyList<(long P, long Q)> Theta => Blocks.GetOrAdd((Shape, BlockSeed), key => Draw(key.Item1, key.Item2));

    /// <summary>θ as exact constants of T.</summary>
    internal T[] Read<T>() where T : IReal<T> => [.. Theta.Select(f => T.Ratio(f.P, f.Q))];

    /// <summary>θ rounded to the nearest doubles (IEEE division is correctly rounded).</summary>
    internal double[] Rounded() => [.. Theta.Select(f => (double)f.P / f.Q)];

    private static (long P, long Q)[] Draw(NetworkShape shape, int seed)
    {
        var random = new System.Random(seed);
        int k = shape.K;
        var theta = new List<(long, long)>(shape.ParameterCount);
        for (int b = 0; b < shape.ParameterCount / (k * k); b++)
        {
            var s = new long[k, k];
            for (int i = 0; i < k; i++)
                for (int j = i + 1; j < k; j++)
                {
                    s[i, j] = random.Next(-3, 4);
                    s[j, i] = -s[i, j];
                }
            var q = ExactMatrix.Cayley(ExactMatrix.FromIntegers(s));
            var signs = Enumerable.Range(0, k).Select(_ => random.Next(2) == 0 ? 1 : -1).ToArray();
            for (int r = 0; r < k; r++)
                for (int c = 0; c < k; c++)
                {
                    var f = q[r, c] * new Fraction(signs[c]);
                    theta.Add(((long)f.Numerator, (long)f.Denominator));
                }
        }
        return [.. theta];
    }

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        .. Shape.Describe(),
        NamedValue.Of("alpha0", Alpha0),
        NamedValue.Text("theta", "[" + string.Join(", ", Theta.Select(f => f.Q == 1 ? LodoText.Integer(f.P) : $"{LodoText.Integer(f.P)}/{LodoText.Integer(f.Q)}")) + "]"),
    ];

    internal static Gen<OrthogonalNetworkInput> Generator(Gen<double> alpha0) =>
        from shape in NetworkShape.Generator
        from a in alpha0
        from seed in Gen.Choose(0, int.MaxValue)
        select new OrthogonalNetworkInput(shape, a, seed);

    internal static IEnumerable<OrthogonalNetworkInput> Edges(params double[] alpha0s) =>
        from a in alpha0s from s in NetworkShape.Edges select new OrthogonalNetworkInput(s, a, s.PermutationSeed);

    /// <summary>The search domain: edges, the generator, climbing on α₀ or a new network, shrinking α₀.</summary>
    internal static Domain<OrthogonalNetworkInput> Domain(Gen<double> alpha0, double[] edgeAlphas, double minAlpha0) => new()
    {
        Generator = Generator(alpha0),
        Edges = () => Edges(edgeAlphas),
        Perturb = (e, r) => r.Next(2) == 0
            ? e with { Alpha0 = EdgeDoubles.Perturb(e.Alpha0, r, minAlpha0, 1e3) }
            : e with { BlockSeed = r.Next() },
        Shrink = e => Shrinks.Coordinates(e, x => [x.Alpha0], (x, v) => x with { Alpha0 = v[0] }),
        Describe = e => e.Describe(),
    };
}
