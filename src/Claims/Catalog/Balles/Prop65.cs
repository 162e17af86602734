using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis Prop. 6.5, eq. (6.20): for symmetric H, ‖H‖∞,1 ≤ Σ_i |λ_i|·‖v^(i)‖₁².</summary>
internal static class Prop65
{
    internal static Claim Claim() => new(
        "balles/prop-6.5",
        SignSources.Of("Proposition 6.5", "(6.20)", "6.4.2"),
        "For symmetric H with eigenvalues λ_i and orthonormal eigenvectors v^(i): ‖H‖∞,1 ≤ Σ_i |λ_i|·‖v^(i)‖₁².",
        "Any symmetric H (indefinite, rank-deficient, zero) that is block diagonal with 1×1, 2×2 and rank-one c·uuᵀ blocks: their " +
        "eigenpairs have closed forms, and H and its eigenpairs are formed from the same block values in each arithmetic. " +
        "‖v‖₁² of the unit eigenvector is ‖v‖₁²/‖v‖₂² of the unnormalized one. Repeated eigenvalues make the eigenbasis " +
        "non-unique; the blockwise one is used (the proof holds for any).",
        [new Bound()]);

    /// <summary>‖H‖∞,1 ≤ Σ_i |λ_i|·‖v^(i)‖₁²/‖v^(i)‖₂².</summary>
    private sealed class Bound : Statement<BlockDiagonal>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Bound()
        {
            Name = "blockwise";
            Description = "For all block-diagonal symmetric H: ‖H‖∞,1 ≤ Σ_i |λ_i|·‖v^(i)‖₁².";
            Tolerance = "None: exact enclosures decide every double-precision violation (√ of the 2×2 blocks at 128–2048 bits; equality holds for diagonal and rank-one blocks).";
            Domain = BlockDiagonal.Domain;
            MarginUnit = "relative to ‖H‖∞,1 + Σ_i |λ_i|·‖v^(i)‖₁²";
        }

        public override Relation<T> Evaluate<T>(BlockDiagonal input)
        {
            var lhs = InfToOne(input.Matrix<T>());
            T rhs = T.Of(0);
            foreach (var (lambda, v) in input.Eigenpairs<T>())
            {
                var l1 = RealVector.L1(v);
                rhs += T.Abs(lambda) * l1 * l1 / RealVector.Dot(v, v);
            }
            return Relation.LessOrEqual(lhs, rhs, lhs + rhs);
        }

        public override string Explain(BlockDiagonal input) => "‖H‖∞,1 exceeds the eigenvector bound.";
    }
}
