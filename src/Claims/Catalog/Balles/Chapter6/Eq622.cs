using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis eq. (6.22): L₂ ≤ L∞ ≤ dL₂ for every f (here quadratics: L₂ = max|λ_i|, L∞ = ‖H‖∞,1).</summary>
internal static class Eq622
{
    internal static Claim Claim() => new(
        "balles/eq-6.22",
        SignSources.Of("Eq. (6.22)", "(6.22)", "6.4.3"),
        "L₂ ≤ L∞ ≤ dL₂, irrespective of f (tight constants of eq. 6.7).",
        "Quadratics with any symmetric block-diagonal H as in balles/prop-6.5 (exact eigenvalue enclosures): L₂ = max_i|λ_i|, " +
        "L∞ = ‖H‖∞,1. Both ends are attained: d = 1 and one nonzero diagonal entry (L₂ = L∞), the all-ones matrix (L∞ = dL₂).",
        [Left(), Right()]);

    private static Inequality<BlockCase> Left() => new()
    {
        Name = "L2-le-Linf",
        Description = "For all block-diagonal symmetric H: max|λ_i| ≤ ‖H‖∞,1.",
        Tolerance = "None; equality cases resolved by exact enclosures.",
        Generator = BlockCases.Generator,
        Edges = BlockCases.Edges,
        Show = BlockCases.Show,
        Sides = c =>
        {
            double l2 = c.Doubles().Max(e => e.AbsLambda);
            double linf = SignDouble.InfToOne(c.H);
            return new Sides(l2, linf, l2 + linf);
        },
        ExactSides = (c, bits) => new ExactSides(MaxAbs(c, bits), I(InfToOne(F(c.H)))),
        Why = _ => "The spectral norm exceeds ‖H‖∞,1.",
    };

    private static Inequality<BlockCase> Right() => new()
    {
        Name = "Linf-le-dL2",
        Description = "For all block-diagonal symmetric H: ‖H‖∞,1 ≤ d·max|λ_i|.",
        Tolerance = "None; equality (all-ones) resolved by exact enclosures.",
        Generator = BlockCases.Generator,
        Edges = BlockCases.Edges,
        Show = BlockCases.Show,
        Sides = c =>
        {
            double l2 = c.Doubles().Max(e => e.AbsLambda);
            double linf = SignDouble.InfToOne(c.H);
            return new Sides(linf, c.D * l2, linf + c.D * l2);
        },
        ExactSides = (c, bits) => new ExactSides(I(InfToOne(F(c.H))), Math.Exact.RationalInterval.Exact(new Fractions.Fraction(c.D)) * MaxAbs(c, bits)),
        Why = _ => "‖H‖∞,1 exceeds d times the spectral norm.",
    };

    private static Math.Exact.RationalInterval MaxAbs(BlockCase c, int bits) =>
        c.Exact(bits).Select(e => e.AbsLambda).Aggregate((a, b) => new Math.Exact.RationalInterval(
            a.Lower > b.Lower ? a.Lower : b.Lower, a.Upper > b.Upper ? a.Upper : b.Upper));
}
