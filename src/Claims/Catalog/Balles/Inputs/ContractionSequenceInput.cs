using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// A sequence obeying thesis eq. (B.20) strictly as stated: ē₀ = e₀ and ē_{t+1} = u_t·ē_t(1 − cē_t) with u_t ∈ (0, 1]
/// (u ≡ 1 is the slowest decay (B.20) allows), for t &lt; T = <see cref="Shrinkage"/>.Length.
/// </summary>
internal sealed record ContractionSequenceInput(double E0, double C, double[] Shrinkage)
{
    /// <summary>T, the number of steps.</summary>
    internal int Steps => Shrinkage.Length;

    /// <summary>e₀, c and ē_T in arithmetic T, with the hypotheses c &gt; 0, e₀ &gt; 0, c·e₀ &lt; 1, u_t ∈ (0, 1].</summary>
    internal (T E0, T C, T Last) Read<T>() where T : IReal<T>
    {
        T e0 = T.Input(E0), c = T.Input(C);
        Assume.That(T.Sign(c) > 0 && T.Sign(e0) > 0 && c * e0 < 1, "outside c > 0, e₀ > 0, c·e₀ < 1");
        var e = e0;
        foreach (double ud in Shrinkage)
        {
            var u = T.Input(ud);
            Assume.That(T.Sign(u) > 0 && u <= 1, "a step factor u_t ∉ (0, 1]: the sequence does not obey (B.20) or is not positive");
            e = u * e * (1 - c * e);
        }
        return (e0, c, e);
    }

    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("e0", E0), NamedValue.Of("c", C), NamedValue.Of("u_0..u_(T-1)", Shrinkage)];

    /// <summary>c ∈ [1e-6, 1e6], c·e₀ ∈ [1e-3, 0.999], T = 1…8 steps with u_t = 1 half the time.</summary>
    internal static Gen<ContractionSequenceInput> Generator { get; } =
        from c in EdgeDoubles.Positive(1e-6, 1e6)
        from product in EdgeDoubles.Positive(1e-3, 0.999)
        from steps in Gen.Choose(1, 8)
        from u in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(1.0)), (1, EdgeDoubles.Positive(1e-3, 1))), steps)
        select new ContractionSequenceInput(product / c, c, u);

    /// <summary>The search domain: climbing moves e₀ and one factor, shrinking simplifies every number.</summary>
    internal static Domain<ContractionSequenceInput> Domain(Func<IEnumerable<ContractionSequenceInput>> edges) => new()
    {
        Generator = Generator,
        Edges = edges,
        Perturb = (s, r) =>
        {
            var u = (double[])s.Shrinkage.Clone();
            int i = r.Next(u.Length);
            u[i] = Math.Min(1, EdgeDoubles.Perturb(u[i], r, 1e-300, 1));
            return s with { E0 = EdgeDoubles.Perturb(s.E0, r, 1e-300), Shrinkage = u };
        },
        Shrink = s => Shrinks.Coordinates(s, x => [x.E0, x.C, .. x.Shrinkage], (_, v) => new ContractionSequenceInput(v[0], v[1], v[2..])),
        Describe = s => s.Describe(),
    };
}
