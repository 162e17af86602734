using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis eq. (6.21): ‖H‖∞,1 ≥ ‖Hv^(i)‖₁/‖v^(i)‖∞ = |λ_i|·‖v^(i)‖₁/‖v^(i)‖∞ for every eigenpair.</summary>
internal static class Eq621
{
    internal static Claim Claim() => new(
        "balles/eq-6.21",
        SignSources.Of("Eq. (6.21)", "(6.21)", "6.4.2"),
        "For any eigenpair (λ_i, v^(i)) of H: ‖H‖∞,1 ≥ ‖Hv^(i)‖₁/‖v^(i)‖∞ = |λ_i|·‖v^(i)‖₁/‖v^(i)‖∞.",
        "Any symmetric block-diagonal H as in balles/prop-6.5 (closed-form eigenpairs, exact enclosures); the bound is checked for the " +
        "largest |λ_i|·‖v^(i)‖₁/‖v^(i)‖∞ over all eigenpairs, which implies it for each.",
        [Build()]);

    private static Inequality<BlockCase> Build() => new()
    {
        Name = "every-eigenpair",
        Description = "For all block-diagonal symmetric H: max_i |λ_i|·‖v^(i)‖₁/‖v^(i)‖∞ ≤ ‖H‖∞,1.",
        Tolerance = "None in the comparison; equality (e.g. rank one with u ∈ {±1}^k) is resolved by exact enclosures.",
        Generator = BlockCases.Generator,
        Edges = BlockCases.Edges,
        Show = BlockCases.Show,
        Sides = c =>
        {
            double lhs = c.Doubles().Max(e => e.AbsLambda * e.L1OverInf);
            double rhs = SignDouble.InfToOne(c.H);
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, bits) =>
        {
            var all = c.Exact(bits).Select(e => e.AbsLambda * e.L1OverInf).ToList();
            var best = all.Aggregate((a, b) => new Math.Exact.RationalInterval(
                a.Lower > b.Lower ? a.Lower : b.Lower, a.Upper > b.Upper ? a.Upper : b.Upper));
            return new ExactSides(best, I(InfToOne(F(c.H))));
        },
        Why = _ => "An eigenvector's ratio exceeds ‖H‖∞,1.",
    };
}
