using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>Gradient entries ∇fᵢ and variances σᵢ² ≥ 0 (the inputs of Jensen's step (B.14) in thesis App. B.2.3).</summary>
internal sealed record GradientVarianceInput(double[] Gradient, double[] Variance)
{
    internal static Gen<GradientVarianceInput> Generator { get; } =
        from d in Gen.Choose(1, 5)
        from g in Gen.ArrayOf(EdgeDoubles.Signed(1e-3, 1e3), d)
        from s in Gen.ArrayOf(EdgeDoubles.NonNegative(1e-3, 1e3), d)
        select new GradientVarianceInput(g, s);

    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("grad", Gradient), NamedValue.Of("sigma^2", Variance)];

    /// <summary>The search domain: climbing moves the variances (kept ≥ 0), shrinking simplifies every entry (variances kept ≥ 0).</summary>
    internal static Domain<GradientVarianceInput> Domain(Func<IEnumerable<GradientVarianceInput>> edges) => new()
    {
        Generator = Generator,
        Edges = edges,
        Perturb = (v, r) => v with { Variance = v.Variance.Select(x => Math.Abs(EdgeDoubles.Perturb(x, r))).ToArray() },
        Shrink = v => Shrinks.Coordinates(v, x => [.. x.Gradient, .. x.Variance], (x, c) =>
            c[x.Gradient.Length..].All(s => s >= 0)
                ? new GradientVarianceInput(c[..x.Gradient.Length], c[x.Gradient.Length..])
                : throw new ArgumentException("variances must be ≥ 0.")),
        Describe = v => v.Describe(),
    };
}
