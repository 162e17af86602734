using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>
/// balles-thesis Lemma 6.2, eq. (6.11): a steepest-descent step (6.9) decreases f by at least ‖∇f(θ)‖²_*/(2L);
/// for the maximum norm the step is the norm-scaled sign-GD step of eq. (6.10).
/// </summary>
internal static class Lemma62
{
    internal static Claim Claim() => new(
        "balles/lemma-6.2",
        SignSources.Of("Lemma 6.2", "(6.11), (6.10)", "6.2.3"),
        "If f is L-smooth w.r.t. ‖·‖, steepest descent (6.9) satisfies f(θ_{t+1}) ≤ f(θ_t) − ‖∇f(θ_t)‖²_*/(2L); for ‖·‖∞ the step is θ_t − (‖∇f_t‖₁/L∞)·sign(∇f_t) (6.10).",
        "On quadratics with any symmetric H ≠ 0 (L > 0 is needed to take the step) and the tight constant. Three steps: eq. (6.10) with " +
        "sign(0) = 0; eq. (6.10) with sign(0) = +1, a reading some implementations use (it is still a minimizer of (6.9) since it keeps " +
        "‖Δ‖∞); and the ℓ1 steepest step (coordinate descent, eq. C.2). (The proof in C.5.1 writes θ⁺ = θ + ∇f^‖·‖/L with a plus sign; " +
        "the statement's step is the minus one, which is what is checked.)",
        [For(SteepestNorm.Max, 0, "sign-gd"), For(SteepestNorm.Max, 1, "sign-gd/sign0-plus"), For(SteepestNorm.One, 0, "coordinate")]);

    private static Inequality<QuadraticCase> For(SteepestNorm norm, int signOfZero, string name) => new()
    {
        Name = name,
        Description = $"For all symmetric H ≠ 0 and θ: f(θ⁺) ≤ f(θ) − ‖∇f(θ)‖²_*/(2L) at the {SteepestNorms.Label(norm)} steepest step θ⁺.",
        Tolerance = "None in double precision (the change f(θ⁺) − f(θ) = ⟨g, Δ⟩ + ½ΔᵀHΔ is formed without cancellation); exact rationals decide.",
        Generator = SignInputs.AnyCase,
        Edges = SignInputs.Edges,
        Move = SignInputs.Move,
        Show = c => [SignInputs.ShowMatrix("H", c.H), NamedValue.Of("θ", c.Theta)],
        Hypotheses = c => SignInputs.IsZero(c.H) ? "H = 0: L = 0 and the step (1/L)·… is undefined" : null,
        Sides = c =>
        {
            var g = SignDouble.MatVec(c.H, c.Theta);
            double l = SteepestNorms.Constant(norm, c.H);
            var delta = SteepestNorms.Step(norm, g, l, signOfZero);
            double change = SignDouble.Dot(g, delta) + 0.5 * SignDouble.Quad(c.H, delta);
            double dual = SteepestNorms.Dual(norm, g);
            double rhs = -dual * dual / (2 * l);
            return new Sides(change, rhs, System.Math.Abs(change) + System.Math.Abs(rhs));
        },
        ExactSides = (c, _) =>
        {
            var h = F(c.H);
            var t = F(c.Theta);
            var g = MatVec(h, t);
            var l = SteepestNorms.Constant(norm, h);
            var next = Add(t, SteepestNorms.Step(norm, g, l, signOfZero));
            var half = new Fractions.Fraction(1, 2);
            var dual = SteepestNorms.Dual(norm, g);
            return new ExactSides(I(half * Quad(h, next)), I(half * Quad(h, t) - dual * dual / (2 * l)));
        },
        Why = _ => "The steepest-descent step decreases f by less than ‖∇f‖²_*/(2L) here.",
    };
}
