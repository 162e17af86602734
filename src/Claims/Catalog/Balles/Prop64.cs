using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis Prop. 6.4, eq. (6.19): for nonzero PSD H, ‖H‖∞,1 ≤ ρ_diag(H)⁻¹ Σ_i λ_i.</summary>
internal static class Prop64
{
    internal static Claim Claim() => new(
        "balles/prop-6.4",
        SignSources.Of("Proposition 6.4", "(6.19)", "6.4.2"),
        "For nonzero positive semi-definite H: ‖H‖∞,1 ≤ ρ_diag(H)⁻¹ Σ_i λ_i with ρ_diag(H) = Σ_i|H_ii| / Σ_{i,j}|H_ij|.",
        "Any nonzero PSD H (rank-deficient included; PSD decided by principal minors). Σ_i λ_i is taken as tr H (the sum of the " +
        "eigenvalues of any square matrix), so the right side is the rational Σ|H_ij|·tr H/Σ|H_ii|.",
        [new Bound()]);

    /// <summary>‖H‖∞,1 ≤ ρ_diag(H)⁻¹ tr H.</summary>
    private sealed class Bound : Statement<QuadraticPoints>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Bound()
        {
            Name = "psd";
            Description = "For all nonzero PSD H: ‖H‖∞,1 ≤ ρ_diag(H)⁻¹ Σ λ_i.";
            Tolerance = "None: both sides are rational in H; exact arithmetic decides every double-precision violation (equality holds for diagonal H).";
            Domain = QuadraticPoints.MatrixDomain(QuadraticPoints.Psd);
            MarginUnit = "relative to ‖H‖∞,1 + ρ_diag(H)⁻¹ Σ λ_i";
        }

        public override Relation<T> Evaluate<T>(QuadraticPoints input)
        {
            var (h, _, _) = input.Read<T>();
            var all = Assume.Positive(EntrywiseL1(h), "H = 0 (the proposition needs H nonzero)");
            Assume.That(IsPositiveSemidefinite(h), "H is not positive semi-definite");
            var lhs = InfToOne(h);
            var rhs = all * Trace(h) / DiagonalL1(h);
            return Relation.LessOrEqual(lhs, rhs, lhs + T.Abs(rhs));
        }

        public override string Explain(QuadraticPoints input) => "‖H‖∞,1 exceeds the diagonal-concentration bound.";
    }
}
