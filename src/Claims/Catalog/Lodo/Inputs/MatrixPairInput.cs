using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// The pair (A, B) of Lemma B.1, both symmetric n×n and stored by their upper triangles: A drawn as MᵀM + qI
/// (q ∈ {1/64, 1}, so some A are nearly singular), B with integer entries in −3..3.
/// </summary>
internal sealed record MatrixPairInput(int N, double[] AUpper, double[] BUpper)
{
    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("A", LodoText.Matrix(SymmetricInput.Full(N, AUpper), N)),
        NamedValue.Text("B", LodoText.Matrix(SymmetricInput.Full(N, BUpper), N)),
    ];

    internal static MatrixPairInput Draw(int n, int seed)
    {
        var r = new System.Random(seed);
        var a = SymmetricInput.GramPlusShift(n, r, r.Next(2) == 0 ? 1.0 / 64 : 1.0);
        var b = Enumerable.Range(0, SymmetricInput.Count(n)).Select(_ => (double)r.Next(-3, 4)).ToArray();
        return new MatrixPairInput(n, a, b);
    }

    internal static Domain<MatrixPairInput> Domain { get; } = new()
    {
        Generator = from n in Gen.Choose(1, 4) from seed in Gen.Choose(0, int.MaxValue) select Draw(n, seed),
        Edges = () => [Draw(2, 1), Draw(3, 2), Draw(4, 3), new MatrixPairInput(2, [1, 0, 1], [1, 0, -1]), new MatrixPairInput(1, [1.0 / 64], [-3])],
        Perturb = (e, r) => Draw(e.N, r.Next()),
        Shrink = e => Shrinks.Coordinates(e, x => [.. x.AUpper, .. x.BUpper], (x, v) => x with { AUpper = v[..x.AUpper.Length], BUpper = v[x.AUpper.Length..] }),
        Describe = e => e.Describe(),
    };
}
