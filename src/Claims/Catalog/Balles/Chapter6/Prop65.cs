using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis Prop. 6.5, eq. (6.20): for symmetric H, ‖H‖∞,1 ≤ Σ_i |λ_i|·‖v^(i)‖₁².</summary>
internal static class Prop65
{
    internal static Claim Claim() => new(
        "balles/prop-6.5",
        SignSources.Of("Proposition 6.5", "(6.20)", "6.4.2"),
        "For symmetric H with eigenvalues λ_i and orthonormal eigenvectors v^(i): ‖H‖∞,1 ≤ Σ_i |λ_i|·‖v^(i)‖₁².",
        "Any symmetric H (indefinite, rank-deficient, zero) that is block diagonal with 1×1, 2×2 and rank-one c·uuᵀ blocks: their " +
        "eigenpairs have closed forms, so the right side is enclosed exactly (dense H would need certified eigenvectors). Repeated " +
        "eigenvalues make the eigenbasis non-unique; the blockwise one is used (the proof holds for any).",
        [Build()]);

    private static Inequality<BlockCase> Build() => new()
    {
        Name = "blockwise",
        Description = "For all block-diagonal symmetric H: ‖H‖∞,1 ≤ Σ_i |λ_i|·‖v^(i)‖₁².",
        Tolerance = "None in the comparison; equality holds for diagonal and rank-one blocks, so exact enclosures (√ at 128–2048 bits) decide.",
        Generator = BlockCases.Generator,
        Edges = BlockCases.Edges,
        Show = BlockCases.Show,
        Sides = c =>
        {
            double lhs = SignDouble.InfToOne(c.H);
            double rhs = c.Doubles().Sum(e => e.AbsLambda * e.L1Squared);
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, bits) => new ExactSides(I(InfToOne(F(c.H))),
            c.Exact(bits).Aggregate(RationalInterval.Zero, (s, e) => s + e.AbsLambda * e.L1Squared)),
        Why = _ => "‖H‖∞,1 exceeds the eigenvector bound.",
    };
}
