using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// A value e &gt; 0 and the contraction constant c &gt; 0 of ē_{t+1} ≤ ē_t(1 − cē_t) (thesis eq. B.20), with c·e &lt; 1:
/// one step of (B.21), or the start e₀ of the bound (B.22).
/// </summary>
internal sealed record ContractionInput(double E, double C)
{
    /// <summary>c ∈ [1e-6, 1e6] and c·e ∈ [<paramref name="minProduct"/>, <paramref name="maxProduct"/>], edge-biased.</summary>
    internal static Gen<ContractionInput> Generator(double minProduct, double maxProduct) =>
        from c in EdgeDoubles.Positive(1e-6, 1e6)
        from u in EdgeDoubles.Positive(minProduct, maxProduct)
        select new ContractionInput(u / c, c);

    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("e", E), NamedValue.Of("c", C)];

    /// <summary>The search domain: climbing moves e, shrinking simplifies e and c (kept &gt; 0).</summary>
    internal static Domain<ContractionInput> Domain(Gen<ContractionInput> generator, Func<IEnumerable<ContractionInput>> edges) => new()
    {
        Generator = generator,
        Edges = edges,
        Perturb = (p, r) => p with { E = EdgeDoubles.Perturb(p.E, r, 1e-300) },
        Shrink = p => Shrinks.Coordinates(p, x => [x.E, x.C], (_, v) => v[0] > 0 && v[1] > 0
            ? new ContractionInput(v[0], v[1])
            : throw new ArgumentException("e and c must be > 0.")),
        Describe = p => p.Describe(),
    };
}
