using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.SignGeometry;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis Prop. 6.6, eq. (6.26): for PSD H, L∞(H) ≤ L_sep(H) ≤ ρ_diag(H)⁻¹ Σ_i λ_i.</summary>
internal static class Prop66
{
    /// <summary>Why a statement about L_sep is sound in both directions although L_sep is an SDP value.</summary>
    internal const string LsepTolerance =
        "L_sep(H) is a semidefinite program's value, bounded by fixed certificates computed once from H (SeparableWitness): a primal " +
        "l with diag(l) − H ⪰ 0 checked by principal minors in the statement's arithmetic (so L_sep ≤ Σl), and a dual Gram matrix " +
        "Y = VVᵀ/max_i(VVᵀ)_ii (so L_sep ≥ ⟨H, Y⟩). Both bound L_sep rigorously in exact arithmetic; in doubles they bracket it to the " +
        "barrier's gap (≲ 1e-10 relative), so a violation smaller than that is not seen. ";

    internal static Claim Claim() => new(
        "balles/prop-6.6",
        SignSources.Of("Proposition 6.6", "(6.24)–(6.26)", "6.4.4"),
        "For positive semi-definite H: L∞(H) ≤ L_sep(H) ≤ ρ_diag(H)⁻¹ Σ_i λ_i, with L_sep(H) = min_{l ≥ 0} Σ l_i s.t. H ⪯ diag(l).",
        "Any nonzero PSD H, d ≤ 4. H = 0 is rejected: ρ_diag(0) = 0/0 makes the right side undefined (Prop. 6.4 excludes H = 0 " +
        "explicitly, Prop. 6.6 does not say so). Σλ_i is taken as tr H.",
        [new Left(), new Right()]);

    /// <summary>The hypotheses: H ≠ 0 and PSD.</summary>
    private static void Require<T>(Verification.Numerics.Arithmetic.RealMatrix<T> h) where T : Verification.Numerics.Arithmetic.IReal<T>
    {
        Assume.Positive(EntrywiseL1(h), "H = 0: ρ_diag(0) = 0/0, the right side is undefined");
        Assume.That(IsPositiveSemidefinite(h), "H is not positive semi-definite");
    }

    /// <summary>‖H‖∞,1 ≤ L_sep(H), with L_sep bounded above by the witness's feasible l.</summary>
    private sealed class Left : Statement<QuadraticPoints>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Left()
        {
            Name = "linf-le-lsep";
            Description = "For all nonzero PSD H: ‖H‖∞,1 ≤ L_sep(H).";
            Tolerance = LsepTolerance + "Here L_sep is replaced by its upper bound Σl, so a certified violation is one of L∞ ≤ L_sep itself.";
            Domain = QuadraticPoints.MatrixDomain(QuadraticPoints.Psd);
            MarginUnit = "relative to ‖H‖∞,1 + L_sep(H)";
        }

        public override Relation<T> Evaluate<T>(QuadraticPoints input)
        {
            var (h, _, _) = input.Read<T>();
            Require(h);
            var (feasible, upper) = SeparableSmoothnessFormulas.UpperBound(h, SeparableWitnessCache.Of(input.H));
            if (!feasible)
                return Relation.Undecided<T>("the L_sep witness's l is not feasible for this H (diag(l) − H ⋡ 0)");
            var lhs = InfToOne(h);
            return Relation.LessOrEqual(lhs, upper, lhs + upper);
        }

        public override string Explain(QuadraticPoints input) => "‖H‖∞,1 exceeds a feasible Σl, so it exceeds L_sep.";
    }

    /// <summary>L_sep(H) ≤ ρ_diag(H)⁻¹ tr H, with L_sep bounded below by the witness's dual Y.</summary>
    private sealed class Right : Statement<QuadraticPoints>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Right()
        {
            Name = "lsep-le-bound";
            Description = "For all nonzero PSD H: L_sep(H) ≤ ρ_diag(H)⁻¹ Σ λ_i (= Σ_{i,j}|H_ij|).";
            Tolerance = LsepTolerance + "Here L_sep is replaced by its lower bound ⟨H, Y⟩, so a certified violation is one of L_sep ≤ ρ_diag⁻¹Σλ itself.";
            Domain = QuadraticPoints.MatrixDomain(QuadraticPoints.Psd);
            MarginUnit = "relative to L_sep(H) + ρ_diag(H)⁻¹ Σ λ_i";
        }

        public override Relation<T> Evaluate<T>(QuadraticPoints input)
        {
            var (h, _, _) = input.Read<T>();
            Require(h);
            var lower = SeparableSmoothnessFormulas.LowerBound(h, SeparableWitnessCache.Of(input.H));
            var rhs = EntrywiseL1(h) * Trace(h) / DiagonalL1(h);
            return Relation.LessOrEqual(lower, rhs, T.Abs(lower) + T.Abs(rhs));
        }

        public override string Explain(QuadraticPoints input) => "A dual-feasible lower bound on L_sep exceeds the diagonal-concentration bound.";
    }
}
