using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>Logits f ∈ ℝ^C (C = 2…4, entries in [−5, 5] on a 1/8 grid so they are short rationals), indices i, j and a label y.</summary>
internal sealed record SoftmaxCase(double[] F, int I, int J, int Y)
{
    internal T[] Read<T>() where T : IReal<T> => RealVector.Input<T>(F);

    private static Gen<SoftmaxCase> Generator { get; } =
        from c in Gen.Choose(2, 4)
        from f in Gen.ArrayOf(Gen.Frequency(
            (6, EdgeDoubles.Unit.Select(u => Math.Round((10 * u - 5) * 8) / 8)),
            (2, Gen.Elements(0.0, 2.0, 1.0, -1.0))), c)
        from i in Gen.Choose(0, c - 1)
        from j in Gen.Choose(0, c - 1)
        from y in Gen.Choose(0, c - 1)
        select new SoftmaxCase(f, i, j, y);

    private static IEnumerable<SoftmaxCase> Edges() =>
    [
        new([1, 0], 0, 1, 0),
        new([0, 0], 0, 1, 1),
        new([2, 0], 0, 1, 0),
        new([-1, 0.5, 3], 2, 0, 1),
        new([0.125, -0.25, 0, 4], 1, 3, 3),
        new([3, 0], 0, 1, 0),
    ];

    private SoftmaxCase Move(System.Random random)
    {
        var f = (double[])F.Clone();
        int k = random.Next(f.Length);
        f[k] = Math.Clamp(Math.Round((f[k] + (random.NextDouble() - 0.5)) * 8) / 8, -5, 5);
        return this with { F = f };
    }

    internal static Domain<SoftmaxCase> Domain { get; } = new()
    {
        Generator = Generator,
        Edges = Edges,
        Perturb = (s, r) => s.Move(r),
        Shrink = s => Shrinks.Coordinates(s, x => x.F, (x, v) => x with { F = v }),
        Describe = s =>
        [
            NamedValue.Of("f", s.F), NamedValue.Text("i", s.I.ToString(CultureInfo.InvariantCulture)),
            NamedValue.Text("j", s.J.ToString(CultureInfo.InvariantCulture)), NamedValue.Text("y", s.Y.ToString(CultureInfo.InvariantCulture)),
        ],
    };
}
