using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// One diagonal block of a <see cref="BlockDiagonal"/>: a scalar [c] (<see cref="Values"/> = c), a 2×2 [[a, b], [b, d]]
/// (= a, b, d), or a rank-one c·uuᵀ (= c, u…). Each has closed-form eigenpairs.
/// </summary>
internal sealed record Block(char Kind, double[] Values)
{
    internal int Size => Kind switch { 's' => 1, 'p' => 2, _ => Values.Length - 1 };
}

/// <summary>
/// A block-diagonal symmetric H (any signs: indefinite, rank-deficient, zero) whose eigenpairs are known in closed form
/// blockwise (eq. C.16 for the 2×2 blocks, u for c·uuᵀ). The matrix and its eigenpairs are built from the same block
/// values in the statement's arithmetic, so an exact evaluation compares the exact eigenpairs of H with ‖H‖∞,1 of the
/// same H. Where eigenvalues repeat across blocks the eigenbasis is not unique; the blockwise basis is one valid choice.
/// </summary>
internal sealed record BlockDiagonal(IReadOnlyList<Block> Blocks)
{
    internal int D => Blocks.Sum(b => b.Size);

    /// <summary>H in arithmetic T, every block value read with T.Input (c·u_iu_j formed in T, not rounded).</summary>
    internal RealMatrix<T> Matrix<T>() where T : IReal<T>
    {
        var h = new T[D, D];
        for (int i = 0; i < D; i++)
            for (int j = 0; j < D; j++)
                h[i, j] = T.Of(0);
        int o = 0;
        foreach (var b in Blocks)
        {
            var v = b.Values.Select(T.Input).ToArray();
            switch (b.Kind)
            {
                case 's':
                    h[o, o] = v[0];
                    break;
                case 'p':
                    h[o, o] = v[0];
                    h[o, o + 1] = h[o + 1, o] = v[1];
                    h[o + 1, o + 1] = v[2];
                    break;
                default:
                    for (int i = 0; i < b.Size; i++)
                        for (int j = 0; j < b.Size; j++)
                            h[o + i, o + j] = v[0] * v[1 + i] * v[1 + j];
                    break;
            }
            o += b.Size;
        }
        return new RealMatrix<T>(h);
    }

    /// <summary>The eigenpairs (λ, v) of H blockwise, v unnormalized, padded with zeros outside its block.</summary>
    internal IReadOnlyList<(T Lambda, T[] Vector)> Eigenpairs<T>() where T : IReal<T>
    {
        var list = new List<(T, T[])>();
        int o = 0;
        foreach (var b in Blocks)
        {
            var v = b.Values.Select(T.Input).ToArray();
            IReadOnlyList<(T Lambda, T[] Vector)> local = b.Kind switch
            {
                's' => new List<(T Lambda, T[] Vector)> { (v[0], new[] { T.Of(1) }) },
                'p' => SignGeometryFormulas.Eigenpairs2x2(v[0], v[1], v[2]),
                _ => SignGeometryFormulas.EigenpairsRankOne(v[0], v[1..]),
            };
            foreach (var (lambda, vector) in local)
                list.Add((lambda, Enumerable.Range(0, D).Select(i => i >= o && i < o + b.Size ? vector[i - o] : T.Of(0)).ToArray()));
            o += b.Size;
        }
        return list;
    }

    private static readonly Gen<Block> OneBlock = Gen.Frequency(
        (2, SignMatrices.SmallEntry.Select(c => new Block('s', [c]))),
        (3, SignMatrices.SmallEntry.ArrayOf(3).Select(v => new Block('p', v))),
        (2, SignMatrices.SmallEntry.SelectMany(c => Gen.Choose(2, 3).SelectMany(k =>
            Gen.Choose(-3, 3).ArrayOf(k).Where(u => u.Any(x => x != 0)).Select(u => new Block('r', [c, .. u.Select(x => (double)x)]))))));

    /// <summary>One to three blocks, dimension up to 9.</summary>
    private static Gen<BlockDiagonal> Generator { get; } = Gen.Choose(1, 3).SelectMany(n => OneBlock.ArrayOf(n).Select(b => new BlockDiagonal(b)));

    private static IEnumerable<BlockDiagonal> Edges()
    {
        yield return new BlockDiagonal([new Block('s', [2])]);
        yield return new BlockDiagonal([new Block('s', [0])]);
        yield return new BlockDiagonal([new Block('r', [1, 1, 1, 1])]);
        yield return new BlockDiagonal([new Block('p', [1, 1, 1])]);
        yield return new BlockDiagonal([new Block('p', [1, 2, 4])]);
        yield return new BlockDiagonal([new Block('p', [0, 1, 0]), new Block('s', [-3])]);
        yield return new BlockDiagonal([new Block('s', [1]), new Block('s', [-1]), new Block('s', [2])]);
        yield return new BlockDiagonal([new Block('r', [-2, 1, -1, 1])]);
        yield return new BlockDiagonal([new Block('r', [0.1, 1, 1, 1])]);
        yield return new BlockDiagonal([new Block('p', [0.1, 0.3, -0.7]), new Block('r', [0.3, 1, -3])]);
    }

    /// <summary>Shrinks every block value toward small integers and dyadics (a rank-one u must stay nonzero).</summary>
    private IEnumerable<BlockDiagonal> Shrink() => Shrinks.Coordinates(this, c => c.Blocks.SelectMany(b => b.Values).ToArray(), (c, v) =>
    {
        var blocks = new List<Block>();
        int k = 0;
        foreach (var b in c.Blocks)
        {
            var values = v[k..(k + b.Values.Length)];
            k += b.Values.Length;
            if (b.Kind == 'r' && values.Skip(1).All(x => x == 0))
                throw new ArgumentException("a rank-one block needs u ≠ 0.");
            blocks.Add(b with { Values = values });
        }
        return new BlockDiagonal(blocks);
    });

    private BlockDiagonal Move(System.Random random)
    {
        int i = random.Next(Blocks.Count);
        var b = Blocks[i];
        int k = b.Kind == 'r' ? 0 : random.Next(b.Values.Length); // u stays integer: c carries the scale
        var values = (double[])b.Values.Clone();
        values[k] = EdgeDoubles.Perturb(values[k], random, 0, 1e12);
        var blocks = Blocks.ToArray();
        blocks[i] = b with { Values = values };
        return new BlockDiagonal(blocks);
    }

    internal static Domain<BlockDiagonal> Domain { get; } = new()
    {
        Generator = Generator,
        Edges = Edges,
        Perturb = (c, r) => c.Move(r),
        Shrink = c => c.Shrink(),
        Describe = c => [NamedValue.Text("blocks", string.Join("; ", c.Blocks.Select(b =>
            (b.Kind switch { 's' => "scalar", 'p' => "2x2 [[a, b], [b, d]]", _ => "c·uuᵀ" }) + "(" +
            string.Join(", ", b.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")")))],
    };
}
