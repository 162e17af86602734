using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// The first two steps of Algorithm 1 from the orthogonal θ₀ (§3) on f = ½xᵀHx: the network and α₀, momentum β, H ≻ 0
/// (MᵀM + I with M integer in −2..2, stored by its upper triangle) and an integer x₀ in −3..3.
/// </summary>
internal sealed record StartInput(OrthogonalNetworkInput Network, double Beta, double[] HUpper, double[] X0)
{
    internal int Dimension => Network.Shape.N;

    internal double[] H => SymmetricInput.Full(Dimension, HUpper);

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        .. Network.Describe(), NamedValue.Of("beta", Beta),
        NamedValue.Text("H", LodoText.Matrix(H, Dimension)), NamedValue.Of("x0", X0),
    ];

    private static readonly double[] Betas = [0, 0.195, 0.5, 0.9];

    private static StartInput Draw(OrthogonalNetworkInput network, int seed)
    {
        var r = new System.Random(seed ^ 0x27D4EB2F);
        int n = network.Shape.N;
        var h = SymmetricInput.GramPlusShift(n, r, 1);
        var x0 = Enumerable.Range(0, n).Select(_ => (double)r.Next(-3, 4)).ToArray();
        return new StartInput(network, Betas[r.Next(Betas.Length)], h, x0);
    }

    internal static Domain<StartInput> Domain { get; } = new()
    {
        Generator = from network in OrthogonalNetworkInput.Generator(Gen.Elements(1.0, 0.27, 0.5, 2.0))
                    from seed in Gen.Choose(0, int.MaxValue)
                    select Draw(network, seed),
        Edges = () => OrthogonalNetworkInput.Edges(0.27).Select(n => Draw(n, n.BlockSeed)),
        Perturb = (e, r) => Draw(e.Network with { BlockSeed = r.Next() }, r.Next()),
        Shrink = e => Shrinks.Coordinates(e, x => [x.Network.Alpha0, x.Beta, .. x.HUpper, .. x.X0],
            (x, v) => x with { Network = x.Network with { Alpha0 = v[0] }, Beta = v[1], HUpper = v[2..(2 + x.HUpper.Length)], X0 = v[(2 + x.HUpper.Length)..] }),
        Describe = e => e.Describe(),
    };
}
