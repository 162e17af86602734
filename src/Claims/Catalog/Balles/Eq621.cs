using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis eq. (6.21): ‖H‖∞,1 ≥ ‖Hv^(i)‖₁/‖v^(i)‖∞ = |λ_i|·‖v^(i)‖₁/‖v^(i)‖∞ for every eigenpair.</summary>
internal static class Eq621
{
    internal static Claim Claim() => new(
        "balles/eq-6.21",
        SignSources.Of("Eq. (6.21)", "(6.21)", "6.4.2"),
        "For any eigenpair (λ_i, v^(i)) of H: ‖H‖∞,1 ≥ ‖Hv^(i)‖₁/‖v^(i)‖∞ = |λ_i|·‖v^(i)‖₁/‖v^(i)‖∞.",
        "Any symmetric block-diagonal H as in balles/prop-6.5. Written once, on one matrix: H and its closed-form eigenpairs are " +
        "formed from the same block values in the statement's arithmetic, so the exact check compares the exact eigenpairs of H " +
        "with ‖H‖∞,1 of that same H (not of a rounded copy). Both parts of (6.21) are checked for every eigenpair: the bound " +
        "‖Hv‖₁/‖v‖∞ ≤ ‖H‖∞,1 (true by the definition of the operator norm, as v/‖v‖∞ is in the unit cube) and the identity " +
        "‖Hv‖₁ = |λ|·‖v‖₁ (v is an eigenvector).",
        [new Bound(), new Identity()]);

    /// <summary>‖Hv‖₁/‖v‖∞ ≤ ‖H‖∞,1 for every eigenvector v.</summary>
    private sealed class Bound : Statement<BlockDiagonal>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Bound()
        {
            Name = "every-eigenpair";
            Description = "For all block-diagonal symmetric H and every eigenpair (λ, v): ‖Hv‖₁/‖v‖∞ ≤ ‖H‖∞,1.";
            Tolerance = "Double-precision allowance 1e-13 of the scale: the bound is attained with equality by many eigenpairs (rank one with " +
                        "u ∈ {±1}^k, and 2×2 blocks such as [[1, 1], [1, −2]] whose irrational eigenvector gives ‖Hv‖₁/‖v‖∞ = 3 = ‖H‖∞,1 exactly), where " +
                        "doubles differ by a few ulps and an irrational equality cannot be decided by enclosures; exact arithmetic decides every violation beyond it.";
            Domain = BlockDiagonal.Domain;
            MarginUnit = "relative to ‖Hv‖₁/‖v‖∞ + ‖H‖∞,1";
        }

        public override Relation<T> Evaluate<T>(BlockDiagonal input)
        {
            var h = input.Matrix<T>();
            var norm = InfToOne(h);
            return Relation.All(input.Eigenpairs<T>().Select((p, i) =>
            {
                var lhs = RealVector.L1(h * p.Vector) / RealVector.LInf(p.Vector);
                return Relation.LessOrEqual(lhs, norm, lhs + norm, allowance: 1e-13).Labelled($"eigenpair {i}");
            }));
        }

        public override string Explain(BlockDiagonal input) => "An eigenvector's ratio exceeds ‖H‖∞,1.";
    }

    /// <summary>‖Hv‖₁ = |λ|·‖v‖₁ for every eigenpair (the equality in eq. 6.21).</summary>
    private sealed class Identity : Statement<BlockDiagonal>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Identity()
        {
            Name = "eigenpair-identity";
            Description = "For all block-diagonal symmetric H and every eigenpair (λ, v): ‖Hv‖₁/‖v‖∞ = |λ|·‖v‖₁/‖v‖∞.";
            Tolerance = "Double-precision allowance 1e-13 of the scale (the closed-form eigenpairs of the 2×2 blocks carry a √ and a few " +
                        "roundings, so ‖Hv‖₁ and |λ|‖v‖₁ differ by some ulps in doubles); exact enclosures at up to 2048 bits decide.";
            Domain = BlockDiagonal.Domain;
            MarginUnit = "relative to (‖|H||v|‖₁ + |λ|·‖v‖₁)/‖v‖∞ (the size of the terms summed in Hv, so cancellation is accounted for)";
        }

        public override Relation<T> Evaluate<T>(BlockDiagonal input)
        {
            var h = input.Matrix<T>();
            return Relation.All(input.Eigenpairs<T>().Select((p, i) =>
            {
                var inf = RealVector.LInf(p.Vector);
                var lhs = RealVector.L1(h * p.Vector) / inf;
                var rhs = T.Abs(p.Lambda) * RealVector.L1(p.Vector) / inf;
                var terms = RealVector.L1(h.Map(T.Abs) * p.Vector.Select(T.Abs).ToArray()) / inf;
                return Relation.Equal(lhs, rhs, terms + rhs, allowance: 1e-13).Labelled($"eigenpair {i}");
            }));
        }

        public override string Explain(BlockDiagonal input) => "A closed-form eigenpair is not an eigenpair of H.";
    }
}
