using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>β₁, β₂ and a scalar gradient sequence g_0 … g_t: the inputs of Adam's moving averages (thesis eqs. 5.1–5.3).</summary>
internal sealed record AdamSequenceInput(double Beta1, double Beta2, double[] Gradients)
{
    /// <summary>t, the index of the last gradient.</summary>
    internal int T => Gradients.Length - 1;

    /// <summary>β₁, β₂ and the gradients read as inputs in arithmetic T.</summary>
    internal (T Beta1, T Beta2, T[] Gradients) Read<T>() where T : IReal<T> =>
        (T.Input(Beta1), T.Input(Beta2), Gradients.Select(T.Input).ToArray());

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("beta1", Beta1), NamedValue.Of("beta2", Beta2), NamedValue.Of("g_0..g_t", Gradients)];

    /// <summary>β ∈ [0, 1): common values, uniform, and 1 − (log-uniform in [1e-6, 1]) (β near 1).</summary>
    internal static Gen<double> Betas { get; } = Gen.Frequency(
        (2, Gen.Elements(0.0, 0.5, 0.9, 0.99, 0.999)),
        (2, EdgeDoubles.Unit),
        (1, EdgeDoubles.LogUniform(1e-6, 1).Select(x => 1 - x).Where(b => b < 1)));

    /// <summary>Gradient sequences of length 1…<paramref name="maxLength"/>, zeros often.</summary>
    internal static Gen<double[]> Sequences(int maxLength) =>
        from n in Gen.Choose(1, maxLength)
        from gs in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, EdgeDoubles.Signed(1e-3, 1e3))), n)
        select gs;

    /// <summary>A move of one gradient (to 0 a quarter of the time) for climbing.</summary>
    internal AdamSequenceInput Perturb(System.Random random)
    {
        var gs = (double[])Gradients.Clone();
        int i = random.Next(gs.Length);
        gs[i] = random.Next(4) == 0 ? 0 : EdgeDoubles.Perturb(gs[i], random);
        return this with { Gradients = gs };
    }

    /// <summary>
    /// The search domain: shrinking simplifies β₁, β₂ (kept in [0, 1]; with <paramref name="sameBeta"/> both at once) and
    /// each gradient, and tries dropping the oldest gradients.
    /// </summary>
    internal static Domain<AdamSequenceInput> Domain(Gen<AdamSequenceInput> generator, Func<IEnumerable<AdamSequenceInput>> edges, bool sameBeta) => new()
    {
        Generator = generator,
        Edges = edges,
        Perturb = (a, r) => a.Perturb(r),
        Shrink = a => a.Shrink(sameBeta),
        Describe = a => a.Describe(),
    };

    private IEnumerable<AdamSequenceInput> Shrink(bool sameBeta)
    {
        for (int drop = Gradients.Length / 2; drop >= 1; drop /= 2)
            yield return this with { Gradients = Gradients[drop..] };
        foreach (var c in Shrinks.Coordinates(this, a => [a.Beta1, a.Beta2, .. a.Gradients], (a, v) =>
                     v[0] >= 0 && v[0] <= 1 && v[1] >= 0 && v[1] <= 1
                         ? new AdamSequenceInput(v[0], sameBeta ? v[0] : v[1], v[2..])
                         : throw new ArgumentException("β outside [0, 1].")))
            yield return c;
    }
}
