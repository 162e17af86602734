using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma M.2 (eq. 15, cited from Dennis–Schnabel 4.1.14): f(θ_{t+1}) − f(θ_t) ≤ ∇fᵀΔθ + ½ΔθᵀHΔθ + (L_H/6)‖Δθ‖³;
/// and the first displayed inequality of the first proof of Lemma 3.1 in M.2.
/// </summary>
internal static class LemmaM2
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.2",
        ElmoSources.Of("Lemma M.2", "(15)", "M.2"),
        "Under assumption 1 and eq. (2): f(θ_{t+1}) − f(θ_t) ≤ ∇f(θ_t)ᵀΔθ_t + ½Δθ_tᵀH(θ_t)Δθ_t + (1/6)L_H‖Δθ_t‖₂³.",
        "Literal, with L_H the rigorous eq. (2) constant of each test function (exact for the polynomial ones), any θ_t and step.",
        [Remainder("dennis-schnabel", absolute: false, halfQuadratic: true, factor: 1.0 / 6)]);

    internal static Claim ProofOne() => new(
        "elmo/lemma-3.1-proof-1",
        ElmoSources.Of("Lemma 3.1, first proof", null, "M.2"),
        "|f(θ_{t+1}) − f(θ_t) − (∇f(θ_t)ᵀ(θ_{t+1} − θ_t) + (θ_{t+1} − θ_t)ᵀH(θ_t)(θ_{t+1} − θ_t))| ≤ L_H‖θ_{t+1} − θ_t‖₂³.",
        "As written: the quadratic term without the ½ and the constant L_H without the 1/6 of Nesterov–Polyak's Lemma 1, with L_H of eq. (2).",
        [Remainder("as-written", absolute: true, halfQuadratic: false, factor: 1.0)]);

    private static Inequality<TaylorCase> Remainder(string name, bool absolute, bool halfQuadratic, double factor) => new()
    {
        Name = name,
        Description = absolute
            ? "For every test function, θ_t and Δθ_t: |f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ − ΔθᵀHΔθ| ≤ L_H‖Δθ‖³."
            : "For every test function, θ_t and Δθ_t: f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ − ½ΔθᵀHΔθ ≤ (L_H/6)‖Δθ‖³.",
        Tolerance = $"Rounding allowance {TaylorTerms.RoundingUlps}ε·(|f(θ_{{t+1}})| + |f(θ_t)| + |∇fᵀΔ| + |ΔᵀHΔ|) in double precision; exact rational intervals decide on the polynomial functions.",
        Generator = TaylorCase.Generator(_ => true),
        Edges = () => TaylorCase.Edges(_ => true),
        Move = (c, r) => c.Move(r),
        Sides = c =>
        {
            var t = new TaylorTerms(c);
            double lhs = t.Remainder + (halfQuadratic ? 0 : -t.Quadratic / 2);
            if (absolute) lhs = System.Math.Abs(lhs);
            double rhs = factor * c.F.Objective.HessianLipschitz!.Value * t.Norm * t.Norm * t.Norm;
            return new Sides(lhs, rhs + t.Allowance, System.Math.Abs(lhs) + rhs + t.Allowance + double.Epsilon);
        },
        ExactSides = (c, bits) =>
        {
            var (remainder, quadratic, normSquared, _) = TaylorTerms.ExactPieces(c);
            var lhs = halfQuadratic ? remainder : remainder - quadratic / RationalInterval.Exact(2.0);
            if (absolute) lhs = lhs.Abs();
            var rhs = RationalInterval.Exact(factor) * c.F.HessianLipschitz * normSquared * normSquared.Sqrt(bits);
            return new ExactSides(lhs, rhs);
        },
        Show = c => c.Describe(),
        Why = absolute
            ? c => "Without the ½ on the quadratic term the left side keeps ½|ΔθᵀHΔθ|, which is of order ‖Δθ‖² and cannot be bounded by L_H‖Δθ‖³ for small steps (on a quadratic, L_H = 0 while the left side is ½|ΔθᵀHΔθ| > 0)."
            : null,
    };
}
