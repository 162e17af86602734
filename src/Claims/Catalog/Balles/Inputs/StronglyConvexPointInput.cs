using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Exact;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// A μ-strongly convex, L-smooth separable f with minimizer c and f* = 0 (aᵢ &gt; 0, bᵢ ≥ 0), a point θ, and constants
/// μ ≤ inf f'' and L ≥ sup f'' (thesis Lemma B.2).
/// </summary>
internal sealed record StronglyConvexPointInput(SeparableTestFunction F, double[] Theta, double Mu, double L)
{
    internal IReadOnlyList<NamedValue> Describe() =>
        [.. F.Describe(), NamedValue.Of("theta", Theta), NamedValue.Of("mu", Mu), NamedValue.Of("L", L)];

    /// <summary>
    /// d ≤ 3, μ = inf f''·(1 or a factor in [1e-3, 1]) rounded down and L = sup f''·(1 or a factor in [1, 1e3]) rounded up,
    /// so the hypotheses hold exactly (the tight constants often).
    /// </summary>
    internal static Gen<StronglyConvexPointInput> Generator { get; } =
        from d in Gen.Choose(1, 3)
        from f in SgdStepInput.Functions(d, stronglyConvex: true)
        from theta in Gen.ArrayOf(EdgeDoubles.Signed(1e-3, 1e3), d)
        from muFactor in Gen.Frequency((3, Gen.Constant(1.0)), (1, EdgeDoubles.Positive(1e-3, 1)))
        from lFactor in Gen.Frequency((3, Gen.Constant(1.0)), (1, EdgeDoubles.Positive(1, 1e3)))
        select new StronglyConvexPointInput(f, theta,
            (f.StrongConvexity<RationalInterval>() * RationalInterval.Exact(muFactor)).LowerAsDouble,
            (f.Smoothness<RationalInterval>() * RationalInterval.Exact(lFactor)).UpperAsDouble);

    /// <summary>The search domain: climbing and shrinking move θ only (the function and the constants are kept).</summary>
    internal static Domain<StronglyConvexPointInput> Domain(Func<IEnumerable<StronglyConvexPointInput>> edges) => new()
    {
        Generator = Generator,
        Edges = edges,
        Perturb = (s, r) => s with { Theta = s.Theta.Select(t => EdgeDoubles.Perturb(t, r, 0, 1e3)).ToArray() },
        Shrink = s => Shrinks.Coordinates(s, x => x.Theta, (x, v) => x with { Theta = v }),
        Describe = s => s.Describe(),
    };
}
