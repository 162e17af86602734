using Fractions;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>A gradient ω and two smoothness constants L₂, L∞ &gt; 0 (eqs. 6.27–6.30).</summary>
internal sealed record DensityCase(double[] Omega, double L2, double LInf);

/// <summary>balles-thesis eqs. (6.29), (6.30): φ(ω) ∈ [1/d, 1] and R(θ) = I_sign/I_GD = φ(∇f)·dL₂/L∞.</summary>
internal static class Eq630
{
    internal static Claim Claim() => new(
        "balles/eq-6.30",
        SignSources.Of("Eqs. (6.29), (6.30)", "(6.27)–(6.30)", "6.5"),
        "φ(ω) = ‖ω‖₁²/(d‖ω‖₂²) ∈ [1/d, 1], and R(θ) = I_SIGN-GD(θ)/I_GD(θ) = φ(∇f(θ))·dL₂/L∞ with I_GD = ‖∇f‖₂²/L₂, I_SIGN-GD = ‖∇f‖₁²/L∞.",
        "For every nonzero ω ∈ ℝ^d (exact zeros, one nonzero entry, all-equal magnitudes, 2^±40 scales) and any L₂, L∞ > 0. " +
        "ω = 0 is rejected: φ(0) = 0/0 and R = 0/0 (both improvements vanish); the thesis does not exclude it but nothing is defined there.",
        [Lower(), Upper(), Identity()]);

    private static readonly Gen<DensityCase> Generator = Gen.Choose(1, 6).SelectMany(d =>
        Gen.Frequency((4, SignInputs.Vector(d)), (1, Gen.Elements(-2.0, 2.0).ArrayOf(d)),
                (1, Gen.Choose(0, d - 1).Select(k => Enumerable.Range(0, d).Select(i => i == k ? 3.0 : 0).ToArray())))
            .SelectMany(w => EdgeDoubles.Positive(1e-3, 1e3).SelectMany(l2 =>
                EdgeDoubles.Positive(1e-3, 1e3).Select(li => new DensityCase(w, l2, li)))));

    private static readonly IEnumerable<DensityCase> EdgeList =
    [
        new([1], 1, 1), new([0, 0, 5], 1, 2), new([1, -1, 1, -1], 3, 4), new([0, 0], 1, 1),
        new([System.Math.ScaleB(1, 40), System.Math.ScaleB(1, -40)], 1, 1),
    ];

    private static string? NonZero(DensityCase c) => c.Omega.All(v => v == 0) ? "ω = 0: φ(0) = 0/0" : null;

    private static IReadOnlyList<NamedValue> Show(DensityCase c) =>
        [NamedValue.Of("ω", c.Omega), NamedValue.Of("L₂", c.L2), NamedValue.Of("L∞", c.LInf)];

    private static Fraction Phi(Fraction[] w)
    {
        var l1 = L1(w);
        return l1 * l1 / (w.Length * Dot(w, w));
    }

    private static Inequality<DensityCase> Lower() => new()
    {
        Name = "phi-ge-1/d",
        Description = "For all ω ≠ 0: 1/d ≤ φ(ω).",
        Tolerance = "None: φ is rational in ω, exact arithmetic decides (equality at a single nonzero entry).",
        Generator = Generator,
        Edges = () => EdgeList,
        Show = Show,
        Hypotheses = NonZero,
        Sides = c => new Sides(1.0 / c.Omega.Length, Math.SignGeometry.SignGeometryBounds.Density(Vec(c.Omega)), 1),
        ExactSides = (c, _) => new ExactSides(I(new Fraction(1, c.Omega.Length)), I(Phi(F(c.Omega)))),
        Why = _ => "φ falls below 1/d.",
    };

    private static Inequality<DensityCase> Upper() => new()
    {
        Name = "phi-le-1",
        Description = "For all ω ≠ 0: φ(ω) ≤ 1.",
        Tolerance = "None: exact arithmetic decides (equality at all-equal magnitudes).",
        Generator = Generator,
        Edges = () => EdgeList,
        Show = Show,
        Hypotheses = NonZero,
        Sides = c => new Sides(Math.SignGeometry.SignGeometryBounds.Density(Vec(c.Omega)), 1, 1),
        ExactSides = (c, _) => new ExactSides(I(Phi(F(c.Omega))), I(Fraction.One)),
        Why = _ => "φ exceeds 1.",
    };

    private static Inequality<DensityCase> Identity() => new()
    {
        Name = "R-identity",
        Description = "For all ω ≠ 0, L₂, L∞ > 0: (‖ω‖₁²/L∞)/(‖ω‖₂²/L₂) = φ(ω)·dL₂/L∞.",
        Tolerance = "Doubles agree within 1e-13 relative (a dozen roundings); exact rationals decide any disagreement.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-13,
        Generator = Generator,
        Edges = () => EdgeList,
        Show = Show,
        Hypotheses = NonZero,
        Sides = c =>
        {
            double s = SignDouble.LInf(c.Omega);
            var w = c.Omega.Select(v => v / s).ToArray();
            double l1 = SignDouble.L1(w), l2sq = SignDouble.Dot(w, w);
            double ratio = (l1 * l1 / c.LInf) / (l2sq / c.L2);
            double rhs = Math.SignGeometry.SignGeometryBounds.Density(Vec(c.Omega)) * c.Omega.Length * c.L2 / c.LInf;
            return new Sides(ratio, rhs, System.Math.Abs(rhs));
        },
        ExactSides = (c, _) =>
        {
            var w = F(c.Omega);
            var l1 = L1(w);
            var lhs = (l1 * l1 / F(c.LInf)) / (Dot(w, w) / F(c.L2));
            return new ExactSides(I(lhs), I(Phi(w) * w.Length * F(c.L2) / F(c.LInf)));
        },
        Why = _ => "The ratio of improvement guarantees differs from φ·dL₂/L∞.",
    };

    private static MathNet.Numerics.LinearAlgebra.Vector<double> Vec(double[] v) =>
        MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(v);
}
