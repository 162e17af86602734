using MathNet.Numerics.LinearAlgebra;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md eq. (2), §3: "By initializing each block matrix in B(θ⁽ⁱ⁾) to a random orthogonal matrix, we ensure that
/// G(θ) = α₀I upon initialization." Two statements: the identity itself for G of eq. (2) written once
/// (<see cref="BlockNetworkFormulas"/>, exact at exactly orthogonal blocks), and the reference implementation
/// (<see cref="BlockPermutationPreconditioner.Dense"/>, replayed at the rounded blocks it can represent) against α₀I
/// under its forward-error bound.
/// </summary>
internal static class Eq2Init
{
    internal static Claim Claim() => new(
        "lodo/eq-2-init",
        LodoSources.Of("eq. (2)", "(2)", "3"),
        "By initializing each block matrix in B(θ⁽ⁱ⁾) to a random orthogonal matrix, we ensure that G(θ) = α₀I upon initialization.",
        "For every n, k, depth N, width ñ ≥ n (a multiple of k), permutations P_i and α₀ ∈ ℝ: if every k×k block is orthogonal then G(θ) = α₀I_n exactly. Blocks are exactly orthogonal rationals (Cayley transforms times sign flips), so the identity is decided without rounding; the reference implementation is checked at their roundings under its stated error bound.",
        [new AlphaZeroIdentity(), new ReferenceAlphaZeroIdentity()]);

    /// <summary>(2N(k + 1) + 2)·2⁻⁵²: the forward-error factor of one entry of G (see <see cref="ReferenceAlphaZeroIdentity"/>).</summary>
    internal static double ErrorFactor(NetworkShape shape) => (2 * shape.Depth * (shape.K + 1) + 2) * Math.ScaleB(1, -52);

    /// <summary>G(θ) = α₀I at exactly orthogonal blocks, G of eq. (2) written once.</summary>
    internal sealed class AlphaZeroIdentity : Statement<OrthogonalNetworkInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public AlphaZeroIdentity()
        {
            Name = "orthogonal-blocks-give-alpha0-identity";
            Description = "For n ∈ 1..5, k ∈ 1..3, N ∈ 1..3, ñ = ⌈n/k⌉k (+k), seeded P_i, exactly orthogonal rational blocks, α₀ ∈ ±[1e-3, 1e3] ∪ {0}: G(θ) = α₀I_n entry by entry, G of eq. (2) computed matrix-free column by column.";
            Tolerance = "Exact arithmetic decides (the blocks are exact rationals). Double-only allowance (2N(k+1) + 2)·2⁻⁵² of the scale: in doubles the blocks are their roundings and each entry is a sum of products along 2N layers.";
            MarginUnit = "relative to |α₀|·max_ij (|F|ᵀ|F|)_ij, the size of the terms of G (F = G̃(θ)(I 0)ᵀ with |θ|)";
            Kind = StatementKind.Identity;
            Domain = OrthogonalNetworkInput.Domain(EdgeDoubles.Signed(1e-3, 1e3), [1.0, -0.27, 0.0], 0);
        }

        public override Relation<T> Evaluate<T>(OrthogonalNetworkInput input)
        {
            var model = input.Shape.Model();
            var theta = input.Read<T>();
            var alpha0 = T.Input(input.Alpha0);
            var g = BlockNetworkFormulas.Dense(model, theta, alpha0);
            var terms = BlockNetworkFormulas.Dense(model, [.. theta.Select(T.Abs)], T.Abs(alpha0));
            return MatrixRelation.Equal(g, alpha0 * RealMatrix<T>.Identity(model.Dimension), terms.MaxAbs(), ErrorFactor(input.Shape));
        }

        public override string Explain(OrthogonalNetworkInput input) => "G(θ) differs from α₀I although every block is orthogonal.";
    }

    /// <summary>The reference's G at the rounded orthogonal blocks, against α₀I under its forward-error bound.</summary>
    internal sealed class ReferenceAlphaZeroIdentity : Statement<OrthogonalNetworkInput>
    {
        private readonly Func<BlockPermutationPreconditioner, double[], Matrix<double>> _implementation;

        /// <param name="implementation">The code under test (model, θ) ↦ G(θ); the reference's Dense by default.</param>
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ReferenceAlphaZeroIdentity(Func<BlockPermutationPreconditioner, double[], Matrix<double>>? implementation = null)
        {
            _implementation = implementation ?? ((model, theta) => model.Dense(Vector<double>.Build.DenseOfArray(theta)));
            Name = "reference-gives-alpha0-identity";
            Description = "The reference BlockPermutationPreconditioner.Dense at the rounded orthogonal blocks (its own double output, replayed) is α₀I within its forward-error bound: |Ĝ_ij − α₀δ_ij| ≤ (2N(k+1) + 2)·2⁻⁵²·|α₀|(|F|ᵀ|F|)_ij.";
            Tolerance = "The bound is the implementation's: θ rounded to doubles (relative 2⁻⁵³ in each of the 2N block factors of a path) and at most 2Nk + 1 roundings along each path of the matrix-free product, so |Ĝ − G(θ)| ≤ γ_{2N(k+1)+1}·|α₀||F|ᵀ|F| ≤ (2N(k+1) + 2)·2⁻⁵²·|α₀||F|ᵀ|F| entrywise, and G(θ) = α₀I exactly. Exact arithmetic compares the replayed doubles with α₀I.";
            MarginUnit = "relative to |α₀|(|F|ᵀ|F|)_ij of the entry";
            Kind = StatementKind.Conformance;
            Domain = OrthogonalNetworkInput.Domain(EdgeDoubles.Signed(1e-3, 1e3), [1.0, -0.27, 0.0], 0);
        }

        public override Relation<T> Evaluate<T>(OrthogonalNetworkInput input)
        {
            var model = input.Shape.Model(input.Alpha0);
            // The implementation under test, in plain doubles; its output is lifted exactly.
            var reference = _implementation(model, input.Rounded());
            var alpha0 = T.Input(input.Alpha0);
            var terms = BlockNetworkFormulas.Dense(model, [.. input.Read<T>().Select(T.Abs)], T.Abs(alpha0));
            var factor = T.Of(ErrorFactor(input.Shape));
            var parts = new List<Relation<T>>();
            for (int i = 0; i < model.Dimension; i++)
                for (int j = 0; j < model.Dimension; j++)
                {
                    var exact = i == j ? alpha0 : T.Of(0);
                    parts.Add(Relation.LessOrEqual(T.Abs(T.Of(reference[i, j]) - exact), factor * terms[i, j], terms[i, j])
                        .Labelled($"entry ({i}, {j})"));
                }
            return Relation.All(parts);
        }

        public override string Explain(OrthogonalNetworkInput input) =>
            "The reference's G(θ) at the rounded orthogonal blocks differs from α₀I by more than its rounding bound: an implementation defect.";
    }
}
