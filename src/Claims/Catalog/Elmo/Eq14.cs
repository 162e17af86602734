using Verification.Claims.Engine;
using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos eq. (14): m(x*) ≤ M(x*) ≤ 0.</summary>
internal static class Eq14
{
    internal static Claim Claim() => new(
        "elmo/eq-14",
        ElmoSources.Of("Lemma (unnumbered) in M.1", "(14)", "M.1"),
        "m_t^i(Δθ*ᵀv_i) ≤ M_t^i(Δθ*ᵀv_i) ≤ 0.",
        "Both inequalities, over every eigenspace: any λ, |g| ≥ 0, L > 0.",
        [LowerBelowUpper(), UpperNonPositive()]);

    private static Inequality<Generators.EigenspaceInput> LowerBelowUpper() => EigenspaceSides.Build(
        "m-le-M",
        "For all λ, |g| ≥ 0, L > 0: m(x*) ≤ M(x*).",
        "None in double precision; exact rational intervals decide.",
        e => new Sides(EigenspaceSides.LowerAtStep(e), EigenspaceSides.UpperAtStep(e), EigenspaceSides.ModelScale(e)),
        (e, bits) =>
        {
            var x = EigenspaceSides.ExactStep(e, bits);
            return new ExactSides(EigenspaceSides.ExactLower(e, x), EigenspaceSides.ExactUpper(e, x));
        });

    private static Inequality<Generators.EigenspaceInput> UpperNonPositive() => EigenspaceSides.Build(
        "M-le-0",
        "For all λ, |g| ≥ 0, L > 0: M(x*) ≤ 0 (since M(0) = 0 and x* minimizes M).",
        "None in double precision; exact rational intervals decide.",
        e => new Sides(EigenspaceSides.UpperAtStep(e), 0, EigenspaceSides.ModelScale(e)),
        (e, bits) =>
        {
            var x = EigenspaceSides.ExactStep(e, bits);
            return new ExactSides(EigenspaceSides.ExactUpper(e, x), Verification.Math.Exact.RationalInterval.Zero);
        });
}
