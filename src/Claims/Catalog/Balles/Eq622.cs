using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis eq. (6.22): L₂ ≤ L∞ ≤ dL₂ for every f (here quadratics: L₂ = max|λ_i|, L∞ = ‖H‖∞,1).</summary>
internal static class Eq622
{
    internal static Claim Claim() => new(
        "balles/eq-6.22",
        SignSources.Of("Eq. (6.22)", "(6.22)", "6.4.3"),
        "L₂ ≤ L∞ ≤ dL₂, irrespective of f (tight constants of eq. 6.7).",
        "Quadratics with any symmetric block-diagonal H as in balles/prop-6.5 (closed-form eigenvalues of the same H): L₂ = max_i|λ_i|, " +
        "L∞ = ‖H‖∞,1. Both ends are attained: d = 1 and one nonzero diagonal entry (L₂ = L∞), the all-ones matrix (L∞ = dL₂).",
        [new Left(), new Right()]);

    private static T SpectralNorm<T>(BlockDiagonal input) where T : Verification.Numerics.Arithmetic.IReal<T> =>
        input.Eigenpairs<T>().Select(p => T.Abs(p.Lambda)).Aggregate(T.Max);

    /// <summary>max|λ_i| ≤ ‖H‖∞,1.</summary>
    private sealed class Left : Statement<BlockDiagonal>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Left()
        {
            Name = "L2-le-Linf";
            Description = "For all block-diagonal symmetric H: max|λ_i| ≤ ‖H‖∞,1.";
            Tolerance = "None: exact enclosures decide every double-precision violation.";
            Domain = BlockDiagonal.Domain;
            MarginUnit = "relative to L₂ + L∞";
        }

        public override Relation<T> Evaluate<T>(BlockDiagonal input)
        {
            var l2 = SpectralNorm<T>(input);
            var linf = InfToOne(input.Matrix<T>());
            return Relation.LessOrEqual(l2, linf, l2 + linf);
        }

        public override string Explain(BlockDiagonal input) => "The spectral norm exceeds ‖H‖∞,1.";
    }

    /// <summary>‖H‖∞,1 ≤ d·max|λ_i|.</summary>
    private sealed class Right : Statement<BlockDiagonal>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Right()
        {
            Name = "Linf-le-dL2";
            Description = "For all block-diagonal symmetric H: ‖H‖∞,1 ≤ d·max|λ_i|.";
            Tolerance = "None: exact enclosures decide every double-precision violation (equality for the all-ones matrix is exact in rationals).";
            Domain = BlockDiagonal.Domain;
            MarginUnit = "relative to L∞ + dL₂";
        }

        public override Relation<T> Evaluate<T>(BlockDiagonal input)
        {
            var l2 = input.D * SpectralNorm<T>(input);
            var linf = InfToOne(input.Matrix<T>());
            return Relation.LessOrEqual(linf, l2, l2 + linf);
        }

        public override string Explain(BlockDiagonal input) => "‖H‖∞,1 exceeds d times the spectral norm.";
    }
}
