using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// A run of the simplified LODO of §4.1 on the moving quadratic: n, H ≻ 0 (stored by its upper triangle; drawn as MᵀM + I
/// with M integer in −2..2), G₀ ∈ ¼ℤ^{n×n} in [−½, ½] (row-major), x₀ integer in −3..3, the moves s_t integer in −2..2
/// (one per step) and the meta-learning rate α (drawn as 2^−j, j ∈ 2..10). Every number is a real input.
/// </summary>
internal sealed record DynamicsInput(int N, double[] HUpper, double[] G0, double[] X0, double[][] S, double Alpha)
{
    internal int Steps => S.Length;

    internal (RealMatrix<T> H, RealMatrix<T> G0, T[] X0, T[][] S, T Alpha) Read<T>() where T : IReal<T> =>
        (SymmetricInput.Read<T>(N, HUpper),
         RealMatrix<T>.Create(N, N, (i, j) => T.Input(G0[i * N + j])),
         RealVector.Input<T>(X0),
         [.. S.Select(s => RealVector.Input<T>(s))],
         T.Input(Alpha));

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("H", LodoText.Matrix(SymmetricInput.Full(N, HUpper), N)),
        NamedValue.Text("G0", LodoText.Matrix(G0, N)),
        NamedValue.Of("x0", X0),
        NamedValue.Text("s_t", string.Join("; ", S.Select(LodoText.Vector))),
        NamedValue.Of("alpha", Alpha),
    ];

    internal static DynamicsInput Draw(int n, int steps, int alphaExponent, int seed)
    {
        var r = new System.Random(seed);
        var h = SymmetricInput.GramPlusShift(n, r, 1);
        var g0 = Enumerable.Range(0, n * n).Select(_ => r.Next(-2, 3) / 4.0).ToArray();
        var x0 = Enumerable.Range(0, n).Select(_ => (double)r.Next(-3, 4)).ToArray();
        var s = Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, n).Select(_ => (double)r.Next(-2, 3)).ToArray()).ToArray();
        return new DynamicsInput(n, h, g0, x0, s, Math.ScaleB(1, -alphaExponent));
    }

    private double[] Coordinates() => [.. HUpper, .. G0, .. X0, .. S.SelectMany(v => v), Alpha];

    private DynamicsInput Rebuild(double[] v)
    {
        int h = HUpper.Length, g = G0.Length, n = N;
        return this with
        {
            HUpper = v[..h],
            G0 = v[h..(h + g)],
            X0 = v[(h + g)..(h + g + n)],
            S = [.. Enumerable.Range(0, Steps).Select(t => v[(h + g + n + t * n)..(h + g + n + (t + 1) * n)])],
            Alpha = v[^1],
        };
    }

    internal static Domain<DynamicsInput> Domain { get; } = new()
    {
        Generator = from n in Gen.Choose(1, 3)
                    from steps in Gen.Choose(2, 6)
                    from a in Gen.Choose(2, 10)
                    from seed in Gen.Choose(0, int.MaxValue)
                    select Draw(n, steps, a, seed),
        Edges = () => [Draw(1, 2, 2, 1), Draw(2, 3, 4, 2), Draw(3, 6, 10, 3), Draw(2, 6, 2, 4)],
        Perturb = (e, r) => Draw(e.N, e.Steps, e.Alpha > 0 ? Math.Clamp(-Math.ILogB(e.Alpha), 0, 30) : 2, r.Next()),
        // Fewer steps first (a shorter run is simpler), then coordinate by coordinate.
        Shrink = e => (e.Steps > 1 ? [e with { S = e.S[..^1] }] : Array.Empty<DynamicsInput>())
            .Concat(Shrinks.Coordinates(e, x => x.Coordinates(), (x, v) => x.Rebuild(v))),
        Describe = e => e.Describe(),
    };
}
