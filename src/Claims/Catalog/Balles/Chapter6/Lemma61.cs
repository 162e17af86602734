using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis Lemma 6.1, eq. (6.8): L-smoothness w.r.t. ‖·‖ gives f(θ') ≤ f(θ) + ⟨∇f(θ), θ'−θ⟩ + (L/2)‖θ'−θ‖².</summary>
internal static class Lemma61
{
    internal static Claim Claim() => new(
        "balles/lemma-6.1",
        SignSources.Of("Lemma 6.1", "(6.8)", "6.2.2"),
        "If f is L-smooth w.r.t. ‖·‖, then f(θ') ≤ f(θ) + ⟨∇f(θ), θ' − θ⟩ + (L/2)‖θ' − θ‖² for all θ, θ'.",
        "On quadratics f = ½θᵀHθ with any symmetric H (indefinite, rank-deficient, zero) and the tight constant of eq. (6.7), " +
        "which for a quadratic is the induced matrix norm (Prop. 6.3): ‖H‖∞,1 for the maximum norm, max|H_ij| for the ℓ1 norm; " +
        "both computed exactly, so the left side is evaluated literally in rationals.",
        [For(SteepestNorm.Max), For(SteepestNorm.One)]);

    private static Inequality<QuadraticCase> For(SteepestNorm norm) => new()
    {
        Name = SteepestNorms.Label(norm),
        Description = $"For all symmetric H and θ, θ': ½(θ'−θ)ᵀH(θ'−θ) ≤ (L/2)‖θ'−θ‖² with L the tight {SteepestNorms.Label(norm)} constant.",
        Tolerance = "None in double precision (the left side is formed as ½ΔᵀHΔ, no cancellation); exact rationals decide.",
        Generator = SignInputs.AnyCase,
        Edges = SignInputs.Edges,
        Move = SignInputs.Move,
        Show = SignInputs.Show,
        Sides = c =>
        {
            var delta = SignDouble.Sub(c.ThetaPrime, c.Theta);
            double lhs = 0.5 * SignDouble.Quad(c.H, delta);
            double p = SteepestNorms.Primal(norm, delta);
            double rhs = 0.5 * SteepestNorms.Constant(norm, c.H) * p * p;
            return new Sides(lhs, rhs, System.Math.Abs(lhs) + rhs);
        },
        ExactSides = (c, _) =>
        {
            var h = F(c.H);
            var t = F(c.Theta);
            var tp = F(c.ThetaPrime);
            var half = new Fractions.Fraction(1, 2);
            // Literally f(θ') − f(θ) − ⟨∇f(θ), θ' − θ⟩ with ∇f(θ) = Hθ.
            var lhs = half * Quad(h, tp) - half * Quad(h, t) - Dot(MatVec(h, t), Sub(tp, t));
            var p = SteepestNorms.Primal(norm, Sub(tp, t));
            return new ExactSides(I(lhs), I(half * SteepestNorms.Constant(norm, h) * p * p));
        },
        Why = _ => "The quadratic bound (6.8) fails at this pair.",
    };
}
