using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma M.5 (minmax step-size bound), with the constants its proof derives:
/// 0 ≤ λ ≤ √(L|g|) ⇒ x* ≤ (5/(2√2))·√(|g|/L); λ &gt; √(L|g|) ⇒ x* ≤ |g|/λ ≤ √(|g|/L); λ &lt; 0 ⇒ x* ≤ 2|λ|/L.
/// </summary>
internal static class LemmaM5
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.5",
        ElmoSources.Of("Lemma M.5", null, "M.3"),
        "If λ_i ≥ 0 then Δθ*ᵀv_i = O(√|∇fᵀv_i|); if λ_i < 0 then Δθ*ᵀv_i = O(|λ_i|).",
        "Read through the constants the proof derives for each case (the O's carry no stated limit, so the proof's explicit bounds are what is checked): "
        + "(i) 0 ≤ λ ≤ √(L|g|): x* ≤ 5/(2√2)·√(|g|/L); (ii) λ > √(L|g|): x* ≤ |g|/λ ≤ √(|g|/L); (iii) λ < 0: x* ≤ 2|λ|/L.",
        [SmallConvex(), LargeConvex(), NewtonBound(), Concave()]);

    private static Inequality<EigenspaceInput> SmallConvex() => EigenspaceSides.Build(
        "convex-small-lambda",
        "For 0 ≤ λ ≤ √(L|g|), |g| ≥ 0, L > 0: x* ≤ (5/(2√2))·√(|g|/L).",
        "None in double precision; exact rational intervals decide.",
        e => new Sides(EigenspaceSides.Step(e), 5 / (2 * System.Math.Sqrt(2)) * System.Math.Sqrt(e.GradMagnitude / e.Lipschitz), System.Math.Max(EigenspaceSides.Step(e), double.Epsilon)),
        (e, bits) => new ExactSides(EigenspaceSides.ExactStep(e, bits),
            RationalInterval.Exact(5.0) / (RationalInterval.Exact(2.0) * RationalInterval.Exact(2.0).Sqrt(bits)) * (RationalInterval.Exact(e.GradMagnitude) / RationalInterval.Exact(e.Lipschitz)).Sqrt(bits)),
        hypotheses: e => e.Lambda < 0 || e.Lambda * e.Lambda > e.Lipschitz * e.GradMagnitude ? "outside 0 ≤ λ ≤ √(L|g|)" : EigenspaceSides.Representable(e));

    private static Inequality<EigenspaceInput> LargeConvex() => EigenspaceSides.Build(
        "convex-large-lambda",
        "For λ > √(L|g|), |g| ≥ 0, L > 0: x* ≤ √(|g|/L).",
        "None in double precision; exact rational intervals decide.",
        e => new Sides(EigenspaceSides.Step(e), System.Math.Sqrt(e.GradMagnitude / e.Lipschitz), System.Math.Max(EigenspaceSides.Step(e), double.Epsilon)),
        (e, bits) => new ExactSides(EigenspaceSides.ExactStep(e, bits), (RationalInterval.Exact(e.GradMagnitude) / RationalInterval.Exact(e.Lipschitz)).Sqrt(bits)),
        hypotheses: e => !(e.Lambda > 0) || e.Lambda * e.Lambda <= e.Lipschitz * e.GradMagnitude ? "outside λ > √(L|g|)" : EigenspaceSides.Representable(e));

    private static Inequality<EigenspaceInput> NewtonBound() => EigenspaceSides.Build(
        "convex-newton-bound",
        "For λ > 0, |g| ≥ 0, L > 0: x* ≤ |g|/λ (the proof's first step in case (ii), via Corollary M.1.1 with x = λ²).",
        "None in double precision; exact rational intervals decide.",
        e => new Sides(EigenspaceSides.Step(e), e.GradMagnitude / e.Lambda, System.Math.Max(EigenspaceSides.Step(e), double.Epsilon)),
        (e, bits) => new ExactSides(EigenspaceSides.ExactStep(e, bits), RationalInterval.Exact(e.GradMagnitude) / RationalInterval.Exact(e.Lambda)),
        hypotheses: e => !(e.Lambda > 0) ? "λ ≤ 0" : !double.IsFinite(e.GradMagnitude / e.Lambda) ? "|g|/λ overflows" : EigenspaceSides.Representable(e));

    private static Inequality<EigenspaceInput> Concave() => EigenspaceSides.Build(
        "concave",
        "For λ < 0, |g| ≥ 0, L > 0: x* ≤ 2|λ|/L.",
        "None in double precision; exact rational intervals decide.",
        e => new Sides(EigenspaceSides.Step(e), 2 * System.Math.Abs(e.Lambda) / e.Lipschitz, System.Math.Max(EigenspaceSides.Step(e), double.Epsilon)),
        (e, bits) => new ExactSides(EigenspaceSides.ExactStep(e, bits), RationalInterval.Exact(2.0) * RationalInterval.Exact(-e.Lambda) / RationalInterval.Exact(e.Lipschitz)),
        why: _ => "For λ < 0, x* = (√(λ² + 2L|g|) + |λ|)/L ≥ 2|λ|/L with equality only at |g| = 0: the proof's step 2L|g|/(L(S − |λ|)) ≤ 2|λ|/L reverses Corollary M.1.1, which gives S − |λ| ≤ L|g|/|λ| and hence x* ≥ 2|λ|/L.",
        hypotheses: e => !(e.Lambda < 0) ? "λ ≥ 0" : !double.IsFinite(2 * System.Math.Abs(e.Lambda) / e.Lipschitz) ? "2|λ|/L overflows" : EigenspaceSides.Representable(e));
}
