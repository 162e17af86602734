using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// β, t and a scalar gradient law (atoms and integer weights; mean ∇f, variance σ²) from which g_0 … g_t are drawn iid:
/// Assumption 5.1 made exact (thesis App. B.2.4, eqs. 5.14 and B.24–B.25).
/// </summary>
internal sealed record MovingAverageInput(double Beta, int T, double[] Atoms, int[] Weights)
{
    /// <summary>β, the gradient law and the weights c(β, t, s) in arithmetic T (β and the atoms read with <c>T.Input</c>).</summary>
    internal (TReal Beta, DiscreteLaw<TReal> Gradient) Read<TReal>() where TReal : IReal<TReal>
    {
        var beta = TReal.Input(Beta);
        Assume.That(beta >= 0 && beta < 1, "β ∉ [0, 1)");
        return (beta, DiscreteLaw<TReal>.Weighted(Atoms.Select(a => new[] { TReal.Input(a) }).ToArray(), Weights.Select(w => (long)w).ToArray()));
    }

    /// <summary>E[h(m_t, v_t)] over every sequence g_0 … g_t of iid draws, with m_t = Σ c_s g_s and v_t = Σ c_s g_s² (β₁ = β₂ = β).</summary>
    internal TReal Expectation<TReal>(TReal beta, DiscreteLaw<TReal> gradient, Func<TReal, TReal, TReal> h) where TReal : IReal<TReal>
    {
        var weights = Enumerable.Range(0, T + 1).Select(s => MovingAverageFormulas.Weight(beta, T, s)).ToArray();
        return gradient.IidProduct(T + 1).Expectation(gs =>
        {
            TReal m = 0, v = 0;
            for (int s = 0; s <= T; s++)
            {
                m += weights[s] * gs[s];
                v += weights[s] * gs[s] * gs[s];
            }
            return h(m, v);
        });
    }

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Of("beta", Beta), NamedValue.Of("t", T),
        NamedValue.Text("gradient atoms", string.Join("; ", Atoms.Select((a, k) => a.ToString("R", CultureInfo.InvariantCulture) + " w.p. " + Weights[k] + "/" + Weights.Sum()))),
    ];

    /// <summary>β ∈ [0, 1) with common values, uniform ones and 1 − (log-uniform in [1e-9, 1]).</summary>
    internal static Gen<double> Betas { get; } = Gen.Frequency(
        (2, Gen.Elements(0.0, 0.5, 0.9, 0.99, 0.999)),
        (2, EdgeDoubles.Unit),
        (1, EdgeDoubles.LogUniform(1e-9, 1).Select(x => 1 - x).Where(b => b < 1)));

    internal static Gen<MovingAverageInput> Generator { get; } =
        from b in Betas
        from t in Gen.Choose(0, 3)
        from k in Gen.Choose(1, 2)
        from atoms in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, EdgeDoubles.Signed(1e-3, 1e3))), k)
        from w in Gen.ArrayOf(Gen.Choose(1, 4), k)
        select new MovingAverageInput(b, t, atoms, w);

    internal static IEnumerable<MovingAverageInput> Edges() =>
    [
        new(0.9, 4, [0.0, 2.0], [1, 1]),
        new(0.0, 3, [1.0, -1.0], [1, 1]),
        new(0.5, 0, [3.0], [1]),
        new(0.25, 2, [0.0, 1.0, -3.0], [1, 2, 3]),
    ];

    /// <summary>The search domain: climbing moves β or one atom, shrinking simplifies β and the atoms.</summary>
    internal static Domain<MovingAverageInput> Domain { get; } = new()
    {
        Generator = Generator,
        Edges = Edges,
        Perturb = (a, r) =>
        {
            if (r.Next(2) == 0)
                return a with { Beta = Math.Min(Math.Abs(EdgeDoubles.Perturb(a.Beta, r)), Math.BitDecrement(1.0)) };
            var atoms = (double[])a.Atoms.Clone();
            int i = r.Next(atoms.Length);
            atoms[i] = EdgeDoubles.Perturb(atoms[i], r);
            return a with { Atoms = atoms };
        },
        Shrink = a => Shrinks.Coordinates(a, x => [x.Beta, .. x.Atoms], (x, v) => v[0] >= 0 && v[0] < 1
            ? x with { Beta = v[0], Atoms = v[1..] }
            : throw new ArgumentException("β ∉ [0, 1).")),
        Describe = a => a.Describe(),
    };
}
