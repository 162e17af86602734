using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis Prop. 6.2, eq. (6.12): both smoothness notions give f(θ + αδ) ≤ f(θ) + α⟨∇f(θ), δ⟩ + (α²/2)Σ l_i.</summary>
internal static class Prop62
{
    internal static Claim Claim() => new(
        "balles/prop-6.2",
        SignSources.Of("Proposition 6.2", "(6.12)", "6.3.1"),
        "For θ ∈ ℝ^d, δ ∈ {−1, 1}^d, α > 0, both separable smoothness with l_1…l_d and ℓ∞-smoothness with L∞ = Σ l_i imply " +
        "f(θ + αδ) ≤ f(θ) + α⟨∇f(θ), δ⟩ + (α²/2)Σ_i l_i.",
        "On quadratics. Two hypotheses, one formalization each: separable smoothness as eq. (6.4) (H ⪯ diag(l), checked exactly) and " +
        "ℓ∞-smoothness with constant Σ l_i (‖H‖∞,1 ≤ Σ l_i, Prop. 6.3). (The proof's (C.41) drops the factor α on ⟨∇f, δ⟩; the statement keeps it.)",
        [Build("separable", separable: true), Build("max-norm", separable: false)]);

    private static Inequality<SeparableCase> Build(string name, bool separable) => new()
    {
        Name = name,
        Description = separable
            ? "For all H ⪯ diag(l), θ, δ ∈ {±1}^d, α > 0: (α²/2)δᵀHδ ≤ (α²/2)Σ l_i, i.e. eq. (6.12)."
            : "For all H with ‖H‖∞,1 ≤ Σ l_i, θ, δ ∈ {±1}^d, α > 0: eq. (6.12).",
        Tolerance = "None in double precision (the gap f(θ+αδ) − f(θ) − α⟨∇f, δ⟩ is formed as (α²/2)δᵀHδ); exact rationals decide.",
        Generator = SeparableCases.Generator,
        Edges = SeparableCases.Edges,
        Move = SeparableCases.Move,
        Show = SeparableCases.Show,
        Hypotheses = c => separable
            ? SeparableCases.Separable(c, twoSided: false)
            : (!c.L.All(v => v > 0) ? "some l_i ≤ 0"
                : InfToOne(F(c.H)) > F(c.L).Aggregate(Fractions.Fraction.Zero, (s, v) => s + v) ? "‖H‖∞,1 > Σ l_i (not Σl-smooth w.r.t. ‖·‖∞)" : null),
        Sides = c =>
        {
            double a2 = c.Alpha * c.Alpha / 2;
            double lhs = a2 * SignDouble.Quad(c.H, c.Delta);
            double rhs = a2 * c.L.Sum();
            return new Sides(lhs, rhs, System.Math.Abs(lhs) + rhs);
        },
        ExactSides = (c, _) =>
        {
            var h = F(c.H);
            var t = F(c.Theta);
            var a = F(c.Alpha);
            var moved = Add(t, Scale(a, F(c.Delta)));
            var half = new Fractions.Fraction(1, 2);
            var lhs = half * Quad(h, moved);
            var rhs = half * Quad(h, t) + a * Dot(MatVec(h, t), F(c.Delta)) + half * a * a * F(c.L).Aggregate(Fractions.Fraction.Zero, (s, v) => s + v);
            return new ExactSides(I(lhs), I(rhs));
        },
        Why = _ => "The bound (6.12) fails at this sign step.",
    };
}
