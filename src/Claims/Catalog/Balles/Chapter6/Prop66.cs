using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.SignGeometry;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis Prop. 6.6, eq. (6.26): for PSD H, L∞(H) ≤ L_sep(H) ≤ ρ_diag(H)⁻¹ Σ_i λ_i.</summary>
internal static class Prop66
{
    private const string BracketTolerance =
        "L_sep is an SDP value known only through its certified bracket (SeparableSmoothness: exact-LDLᵀ-feasible primal, " +
        "exact dual bound; width ≲ 1e-9 relative). Each side uses the end that makes a violation sound: ";

    internal static Claim Claim() => new(
        "balles/prop-6.6",
        SignSources.Of("Proposition 6.6", "(6.24)–(6.26)", "6.4.4"),
        "For positive semi-definite H: L∞(H) ≤ L_sep(H) ≤ ρ_diag(H)⁻¹ Σ_i λ_i, with L_sep(H) = min_{l ≥ 0} Σ l_i s.t. H ⪯ diag(l).",
        "Any nonzero PSD H, d ≤ 4. H = 0 is rejected: ρ_diag(0) = 0/0 makes the right side undefined (Prop. 6.4 excludes H = 0 " +
        "explicitly, Prop. 6.6 does not say so). Σλ = tr H exactly.",
        [Left(), Right()]);

    private static Inequality<QuadraticCase> Left() => new()
    {
        Name = "linf-le-lsep",
        Description = "For all nonzero PSD H: ‖H‖∞,1 ≤ L_sep(H).",
        Tolerance = BracketTolerance + "L_sep's certified upper end, so a violation smaller than the bracket width would go unseen.",
        Generator = SignInputs.PsdCase,
        Edges = SignInputs.Edges,
        Show = c => [SignInputs.ShowMatrix("H", c.H)],
        Hypotheses = Hypotheses,
        Sides = c =>
        {
            double lhs = SignDouble.InfToOne(c.H);
            double rhs = Bracket(c.H).Upper;
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, _) => new ExactSides(I(InfToOne(F(c.H))), I(Bracket(c.H).UpperExact)),
        Why = _ => "‖H‖∞,1 exceeds a feasible Σl, so it exceeds L_sep.",
    };

    private static Inequality<QuadraticCase> Right() => new()
    {
        Name = "lsep-le-bound",
        Description = "For all nonzero PSD H: L_sep(H) ≤ ρ_diag(H)⁻¹ Σ λ_i (= Σ_{i,j}|H_ij|).",
        Tolerance = BracketTolerance + "L_sep's certified lower (dual) end, so a violation smaller than the bracket width would go unseen.",
        Generator = SignInputs.PsdCase,
        Edges = SignInputs.Edges,
        Show = c => [SignInputs.ShowMatrix("H", c.H)],
        Hypotheses = Hypotheses,
        Sides = c =>
        {
            double lhs = Bracket(c.H).Lower;
            double rhs = SignGeometryBounds.Prop64Bound(Matrix<double>.Build.DenseOfArray(c.H));
            return new Sides(lhs, rhs, System.Math.Abs(lhs) + System.Math.Abs(rhs));
        },
        ExactSides = (c, _) =>
        {
            var h = F(c.H);
            return new ExactSides(I(Bracket(c.H).LowerExact), I(EntrywiseL1(h) * Trace(h) / DiagL1(h)));
        },
        Why = _ => "A dual-feasible lower bound on L_sep exceeds the diagonal-concentration bound.",
    };

    private static string? Hypotheses(QuadraticCase c) =>
        SignInputs.IsZero(c.H) ? "H = 0: ρ_diag(0) = 0/0, the right side is undefined" : SignInputs.RequirePsd(c.H);

    private static SeparableBracket Bracket(double[,] h) => BracketCache.Of(h);
}
