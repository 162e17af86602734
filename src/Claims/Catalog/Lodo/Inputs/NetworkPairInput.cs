using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// §4.2's use of Lemma B.1 with A = G(θ) of eq. (2): an arbitrary θ (so G̃(θ) may be rank-deficient and G(θ) singular)
/// and H symmetric with integer entries in −3..3 (upper triangle), n ∈ 1..3.
/// </summary>
internal sealed record NetworkPairInput(NetworkPointInput Network, double[] HUpper)
{
    internal int Dimension => Network.Shape.N;

    internal IReadOnlyList<NamedValue> Describe() =>
        [.. Network.Describe(), NamedValue.Text("H", LodoText.Matrix(SymmetricInput.Full(Dimension, HUpper), Dimension))];

    private static double[] DrawH(int n, int seed)
    {
        var r = new System.Random(seed ^ 0x5F356495);
        return [.. Enumerable.Range(0, SymmetricInput.Count(n)).Select(_ => (double)r.Next(-3, 4))];
    }

    private static Gen<NetworkShape> Shapes { get; } =
        from n in Gen.Choose(1, 3)
        from k in Gen.Choose(1, 3)
        from depth in Gen.Choose(1, 2)
        from extra in Gen.Choose(0, 1)
        from seed in Gen.Choose(0, int.MaxValue)
        select new NetworkShape(n, k, depth, extra, seed);

    /// <summary>
    /// θ entries log-uniform in ±[⅛, 8], never 0: the random phase samples "most θ" (a continuous law); the singular G of
    /// measure zero come from the edges.
    /// </summary>
    private static Gen<double> Entry { get; } =
        from x in EdgeDoubles.LogUniform(0.125, 8)
        from sign in Gen.Elements(1.0, -1.0)
        select sign * x;

    internal static Domain<NetworkPairInput> Domain { get; } = new()
    {
        Generator = from shape in Shapes
                    from theta in Gen.ArrayOf(Entry, shape.ParameterCount)
                    from seed in Gen.Choose(0, int.MaxValue)
                    select new NetworkPairInput(new NetworkPointInput(shape, 1.0, theta), DrawH(shape.N, seed)),
        // θ = 0 (G = 0) and θ = (1, 0) with k = 1 (G a projection onto one coordinate) against H = diag(1, −1) and diag(−1, 1):
        // the negative-curvature direction lies in ker G for one of them.
        Edges = () =>
        [
            new(new NetworkPointInput(new NetworkShape(2, 2, 1, 1, 2), 1.0, new double[8]), [1, 0, -1]),
            new(new NetworkPointInput(new NetworkShape(2, 1, 1, 0, 7), 1.0, [1, 0]), [1, 0, -1]),
            new(new NetworkPointInput(new NetworkShape(2, 1, 1, 0, 7), 1.0, [1, 0]), [-1, 0, 1]),
            new(new NetworkPointInput(new NetworkShape(2, 2, 1, 1, 2), 1.0, NetworkPointInput.SeededTheta(new NetworkShape(2, 2, 1, 1, 2), 2)), [1, 0, -1]),
        ],
        Perturb = (e, r) =>
        {
            // A relative move of one θ entry that never lands on 0 (see Entry).
            var theta = (double[])e.Network.Theta.Clone();
            int j = r.Next(theta.Length);
            theta[j] *= 0.5 + r.NextDouble();
            return e with { Network = e.Network with { Theta = theta } };
        },
        Shrink = e => Shrinks.Coordinates(e, x => [.. x.Network.Theta, .. x.HUpper],
            (x, v) => x with { Network = x.Network with { Theta = v[..x.Network.Theta.Length] }, HUpper = v[x.Network.Theta.Length..] }),
        Describe = e => e.Describe(),
    };
}
