using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Lemma C.2 (proved in M.4): |m(x*)| ≤ 5|M(x*)|.</summary>
internal static class LemmaC2
{
    internal static Claim Claim() => new(
        "elmo/lemma-C.2",
        ElmoSources.Of("Lemma C.2", null, "C, proof M.4"),
        "ELMO satisfies |m_t^i(Δθ*ᵀv_i)| ≤ 5|M_t^i(Δθ*ᵀv_i)|.",
        "Literal reading over every eigenspace: any λ, |g| ≥ 0, L > 0; plus the case values and monotonicity the proof in M.4 states (ψ₅, ψ₆ with y = L|g|/λ²).",
        [Bound(), .. LemmaC2Cases.All()]);

    private static Inequality<Generators.EigenspaceInput> Bound() => EigenspaceSides.Build(
        "bound",
        "For all λ ∈ ℝ, |g| ≥ 0, L > 0: |m(x*)| ≤ 5·|M(x*)| at x* of eq. (7).",
        "None in double precision (any excess is sent to certification); exact rational intervals decide.",
        e =>
        {
            double m = System.Math.Abs(EigenspaceSides.LowerAtStep(e));
            double capM = System.Math.Abs(EigenspaceSides.UpperAtStep(e));
            return new Sides(m, 5 * capM, EigenspaceSides.ModelScale(e));
        },
        (e, bits) =>
        {
            var x = EigenspaceSides.ExactStep(e, bits);
            var m = EigenspaceSides.ExactLower(e, x).Abs();
            var capM = EigenspaceSides.ExactUpper(e, x).Abs();
            return new ExactSides(m, RationalInterval.Exact(5.0) * capM);
        });
}
