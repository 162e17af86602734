using System.Diagnostics.CodeAnalysis;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma M.2 (eq. 15, cited from Dennis–Schnabel 4.1.14): under eq. (2),
/// f(θ_{t+1}) − f(θ_t) ≤ ∇fᵀΔθ + ½ΔθᵀHΔθ + (L_H/6)‖Δθ‖³.
/// </summary>
internal static class LemmaM2
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.2",
        ElmoSources.Of("Lemma M.2", "(15)", "M.2"),
        "Under assumption 1 and eq. (2): f(θ_{t+1}) − f(θ_t) ≤ ∇f(θ_t)ᵀΔθ_t + ½Δθ_tᵀH(θ_t)Δθ_t + (1/6)L_H‖Δθ_t‖₂³.",
        "Literal, with L_H the eq. (2) constant of each test function of elmo/lemma-3.1 (exact |c|‖u‖³ for the cubic-perturbed quadratics, the proven bound otherwise), any θ_t and step, θ_{t+1} = θ_t + Δθ_t.",
        [new DennisSchnabel()]);

    /// <summary>R ≤ (L_H/6)‖Δ‖³.</summary>
    private sealed class DennisSchnabel : Statement<TaylorCase>
    {
        [SetsRequiredMembers]
        public DennisSchnabel()
        {
            Name = "dennis-schnabel";
            Description = "For every test function, θ_t and Δθ_t: f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ − ½ΔθᵀHΔθ ≤ (L_H/6)‖Δθ‖³.";
            Tolerance = "Double-only allowance 256·2⁻⁵² of the scale (the size of every term R sums: those of f(θ_{t+1}), f(θ_t), ∇fᵀΔ and ½ΔᵀHΔ, plus (L_H/6)‖Δ‖³), so that rounding does not send every input to exact arithmetic; exact rational intervals decide without it. Along u on the cubic-perturbed quadratics eq. (15) is an equality; L_H‖Δ‖³ is formed with one square root of (uᵀu)(ΔᵀΔ), a rational square there, so exact arithmetic decides it too.";
            MarginUnit = "relative to ‖f‖(θ_{t+1}) + ‖f‖(θ_t) + Σ|∂_i f·Δ_i| + ½Σ|Δ_i H_ij Δ_j| + (L_H/6)‖Δθ‖³ (‖f‖ the sum of |terms| of f)";
            Domain = TaylorCase.Domain(_ => true);
        }

        public override Relation<T> Evaluate<T>(TaylorCase input)
        {
            var t = new TaylorTerms<T>(input);
            var rhs = input.F.LipschitzCubicBound(t.NormSquared) / 6;
            return Relation.LessOrEqual(t.Remainder, rhs, Margins.Positive(t.TermScale + rhs), TaylorTerms<T>.Allowance);
        }
    }
}
