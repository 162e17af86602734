using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// An estimate p̂ ∈ ℝ^d of p = E[p̂] with a discrete law (atoms at zero and in every orthant, integer weights), and a
/// competitor vector γ' of variance adaptation factors (thesis §5.3, Lemmas 5.1 and 5.2).
/// </summary>
internal sealed record EstimateInput(double[][] Atoms, int[] Weights, double[] Competitor)
{
    /// <summary>d.</summary>
    internal int Dimension => Competitor.Length;

    /// <summary>The law of p̂ and the competitor in arithmetic T (atoms and competitor read with <c>T.Input</c>).</summary>
    internal (DiscreteLaw<T> Estimate, T[] Competitor) Read<T>() where T : IReal<T> =>
        (DiscreteLaw<T>.Weighted(Atoms.Select(a => a.Select(T.Input).ToArray()).ToArray(), Weights.Select(w => (long)w).ToArray()),
         Competitor.Select(T.Input).ToArray());

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("atoms of p̂", string.Join("; ", Atoms.Select(a => "(" + string.Join(", ", a.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + ")"))),
        NamedValue.Text("weights", "[" + string.Join(", ", Weights) + "]"),
        NamedValue.Of("competitor γ'", Competitor),
    ];

    internal static Gen<EstimateInput> Generator { get; } =
        from d in Gen.Choose(1, 3)
        from k in Gen.Choose(1, 4)
        from atoms in Gen.ArrayOf(Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, EdgeDoubles.Signed(1e-3, 1e3))), d), k)
        from weights in Gen.ArrayOf(Gen.Choose(1, 5), k)
        from competitor in Gen.ArrayOf(EdgeDoubles.Signed(1e-3, 10), d)
        select new EstimateInput(atoms, weights, competitor);

    internal EstimateInput Perturb(System.Random random)
    {
        var c = (double[])Competitor.Clone();
        int i = random.Next(c.Length);
        c[i] = EdgeDoubles.Perturb(c[i], random);
        return this with { Competitor = c };
    }

    /// <summary>The search domain; shrinking simplifies every atom coordinate and every competitor entry.</summary>
    internal static Domain<EstimateInput> Domain(Func<IEnumerable<EstimateInput>> edges) => new()
    {
        Generator = Generator,
        Edges = edges,
        Perturb = (e, r) => e.Perturb(r),
        Shrink = e => Shrinks.Coordinates(e, x => [.. x.Atoms.SelectMany(a => a), .. x.Competitor], (x, v) =>
        {
            int d = x.Dimension;
            var atoms = Enumerable.Range(0, x.Atoms.Length).Select(k => v[(k * d)..((k + 1) * d)]).ToArray();
            return x with { Atoms = atoms, Competitor = v[(x.Atoms.Length * d)..] };
        }),
        Describe = e => e.Describe(),
    };
}
