using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos eq. (14): m(x*) ≤ M(x*) ≤ 0.</summary>
internal static class Eq14
{
    internal static Claim Claim() => new(
        "elmo/eq-14",
        ElmoSources.Of("Lemma (unnumbered) in M.1", "(14)", "M.1"),
        "m_t^i(Δθ*ᵀv_i) ≤ M_t^i(Δθ*ᵀv_i) ≤ 0.",
        "Both inequalities, over every eigenspace: any λ, |g| ≥ 0, L > 0.",
        [new AtStep(lowerBelowUpper: true), new AtStep(lowerBelowUpper: false)]);

    private const string Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";

    private const string Unit = "relative to |g|x* + |λ|x*²/2 + Lx*³/6 (the size of the terms of M(x*))";

    /// <summary>m(x*) ≤ M(x*) (<c>lowerBelowUpper</c>) or M(x*) ≤ 0, both at x* of eq. (7) on one eigenspace.</summary>
    private sealed class AtStep : Statement<EigenspaceInput>
    {
        private readonly bool _lowerBelowUpper;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public AtStep(bool lowerBelowUpper)
        {
            _lowerBelowUpper = lowerBelowUpper;
            (Name, Description) = lowerBelowUpper
                ? ("m-le-M", "For all λ, |g| ≥ 0, L > 0: m(x*) ≤ M(x*).")
                : ("M-le-0", "For all λ, |g| ≥ 0, L > 0: M(x*) ≤ 0 (since M(0) = 0 and x* minimizes M).");
            Tolerance = Eq14.Tolerance;
            Domain = EigenspaceInput.Domain;
            Proofs = EigenspaceCharts.All;
            MarginUnit = Unit;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            var upper = ElmoFormulas.Upper(-a, lambda, l, x);
            var scale = Margins.OrOne(ElmoFormulas.TermScale(-a, lambda, l, x));
            return _lowerBelowUpper
                ? Relation.LessOrEqual(ElmoFormulas.Lower(-a, lambda, l, x), upper, scale)
                : Relation.LessOrEqual(upper, T.Of(0), scale);
        }
    }
}
