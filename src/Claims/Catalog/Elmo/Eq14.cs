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
        [new LowerBelowUpper(), new UpperNonPositive()]);

    private const string Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";

    private const string Unit = "relative to |g|x* + |λ|x*²/2 + Lx*³/6 (the size of the terms of M(x*))";

    /// <summary>m(x*) ≤ M(x*).</summary>
    private sealed class LowerBelowUpper : Statement<EigenspaceInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public LowerBelowUpper()
        {
            Name = "m-le-M";
            Description = "For all λ, |g| ≥ 0, L > 0: m(x*) ≤ M(x*).";
            Tolerance = Eq14.Tolerance;
            Domain = EigenspaceInput.Domain;
            Proofs = EigenspaceCharts.All;
            MarginUnit = Unit;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            return Relation.LessOrEqual(ElmoFormulas.Lower(-a, lambda, l, x), ElmoFormulas.Upper(-a, lambda, l, x),
                Margins.OrOne(ElmoFormulas.TermScale(-a, lambda, l, x)));
        }
    }

    /// <summary>M(x*) ≤ 0.</summary>
    private sealed class UpperNonPositive : Statement<EigenspaceInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public UpperNonPositive()
        {
            Name = "M-le-0";
            Description = "For all λ, |g| ≥ 0, L > 0: M(x*) ≤ 0 (since M(0) = 0 and x* minimizes M).";
            Tolerance = Eq14.Tolerance;
            Domain = EigenspaceInput.Domain;
            Proofs = EigenspaceCharts.All;
            MarginUnit = Unit;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            return Relation.LessOrEqual(ElmoFormulas.Upper(-a, lambda, l, x), T.Of(0), Margins.OrOne(ElmoFormulas.TermScale(-a, lambda, l, x)));
        }
    }
}
