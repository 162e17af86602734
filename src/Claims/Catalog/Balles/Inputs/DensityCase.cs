using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>A gradient ω and two smoothness constants L₂, L∞ (eqs. 6.27–6.30).</summary>
internal sealed record DensityCase(double[] Omega, double L2, double LInf)
{
    internal (T[] Omega, T L2, T LInf) Read<T>() where T : IReal<T> => (RealVector.Input<T>(Omega), T.Input(L2), T.Input(LInf));

    /// <summary>ω of dimension 1–6 (exact zeros, one nonzero entry, all-equal magnitudes, 2^±40 scales), L₂, L∞ in [1e-3, 1e3].</summary>
    private static Gen<DensityCase> Generator { get; } = Gen.Choose(1, 6).SelectMany(d =>
        Gen.Frequency((4, SignMatrices.Vector(d)), (1, Gen.Elements(-2.0, 2.0).ArrayOf(d)),
                (1, Gen.Choose(0, d - 1).Select(k => Enumerable.Range(0, d).Select(i => i == k ? 3.0 : 0).ToArray())))
            .SelectMany(w => EdgeDoubles.Positive(1e-3, 1e3).SelectMany(l2 =>
                EdgeDoubles.Positive(1e-3, 1e3).Select(li => new DensityCase(w, l2, li)))));

    private static IEnumerable<DensityCase> Edges() =>
    [
        new([1], 1, 1), new([0, 0, 5], 1, 2), new([1, -1, 1, -1], 3, 4), new([0, 0], 1, 1),
        new([Math.ScaleB(1, 40), Math.ScaleB(1, -40)], 1, 1), new([0.1, 0.2, 0.3], 0.3, 0.7),
    ];

    private DensityCase Move(System.Random random) => random.Next(3) switch
    {
        0 => this with { Omega = SignMatrices.MoveEntry(Omega, random) },
        1 => this with { L2 = EdgeDoubles.Perturb(L2, random, 1e-6, 1e6) },
        _ => this with { LInf = EdgeDoubles.Perturb(LInf, random, 1e-6, 1e6) },
    };

    internal static Domain<DensityCase> Domain(bool withConstants) => new()
    {
        Generator = Generator,
        Edges = Edges,
        Perturb = (c, r) => c.Move(r),
        Shrink = c => Shrinks.Coordinates(c, x => [.. x.Omega, x.L2, x.LInf],
            (x, v) => new DensityCase(v[..x.Omega.Length], v[x.Omega.Length], v[x.Omega.Length + 1])),
        Describe = c => withConstants
            ? [NamedValue.Of("ω", c.Omega), NamedValue.Of("L₂", c.L2), NamedValue.Of("L∞", c.LInf)]
            : [NamedValue.Of("ω", c.Omega)],
    };
}
