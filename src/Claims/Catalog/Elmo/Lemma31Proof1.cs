using System.Diagnostics.CodeAnalysis;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// The first displayed inequality of the first proof of elmo-amos Lemma 3.1 in M.2 (cited as Nesterov–Polyak's Lemma 1):
/// |f(θ_{t+1}) − f(θ_t) − (∇fᵀΔθ + ΔθᵀHΔθ)| ≤ L_H‖Δθ‖³, without the ½ and the 1/6 of the cited lemma.
/// </summary>
internal static class Lemma31Proof1
{
    internal static Claim Claim() => new(
        "elmo/lemma-3.1-proof-1",
        ElmoSources.Of("Lemma 3.1, first proof", null, "M.2"),
        "|f(θ_{t+1}) − f(θ_t) − (∇f(θ_t)ᵀ(θ_{t+1} − θ_t) + (θ_{t+1} − θ_t)ᵀH(θ_t)(θ_{t+1} − θ_t))| ≤ L_H‖θ_{t+1} − θ_t‖₂³.",
        "As written: the quadratic term without the ½ and the constant L_H without the 1/6 of Nesterov–Polyak's Lemma 1, with L_H of eq. (2), on the test functions of elmo/lemma-3.1 (θ_{t+1} = θ_t + Δθ_t).",
        [new AsWritten()]);

    /// <summary>|R − ½ΔᵀHΔ| ≤ L_H‖Δ‖³, R the second-order Taylor remainder.</summary>
    private sealed class AsWritten : Statement<TaylorCase>
    {
        [SetsRequiredMembers]
        public AsWritten()
        {
            Name = "as-written";
            Description = "For every test function, θ_t and Δθ_t: |f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ − ΔθᵀHΔθ| ≤ L_H‖Δθ‖³.";
            Tolerance = "Double-only allowance 256·2⁻⁵² of the scale (the size of every term the left side sums: those of f(θ_{t+1}), f(θ_t), ∇fᵀΔ and ΔᵀHΔ, plus L_H‖Δ‖³), so that rounding does not send every input to exact arithmetic; exact rational intervals decide without it.";
            MarginUnit = "relative to ‖f‖(θ_{t+1}) + ‖f‖(θ_t) + Σ|∂_i f·Δ_i| + Σ|Δ_i H_ij Δ_j| + L_H‖Δθ‖³ (‖f‖ the sum of |terms| of f)";
            Domain = TaylorCase.Domain(_ => true);
        }

        public override Relation<T> Evaluate<T>(TaylorCase input)
        {
            var t = new TaylorTerms<T>(input);
            var lhs = T.Abs(t.Remainder - t.Quadratic / 2);
            var rhs = input.F.LipschitzCubicBound(t.NormSquared);
            var scale = t.TermScale + t.QuadraticTerms / 2 + rhs;
            return Relation.LessOrEqual(lhs, rhs, Margins.Positive(scale), TaylorTerms<T>.Allowance);
        }

        public override string Explain(TaylorCase input) =>
            "Without the ½ on the quadratic term the left side keeps ½|ΔθᵀHΔθ|, which is of order ‖Δθ‖² and cannot be bounded by L_H‖Δθ‖³ for small steps (on a quadratic, L_H = 0 while the left side is ½|ΔθᵀHΔθ| > 0).";
    }
}
