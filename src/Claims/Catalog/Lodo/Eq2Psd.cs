using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md eq. (2), §3: G(θ) = α₀(I 0)G̃(θ)ᵀG̃(θ)(I 0)ᵀ is symmetric positive semi-definite for every θ. G is written
/// once (<see cref="BlockNetworkFormulas"/>, matrix-free, column by column); PSD is decided through the signs of the
/// elementary symmetric polynomials of its eigenvalues (<see cref="Spectra"/>), no eigen-decomposition.
/// </summary>
internal static class Eq2Psd
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/eq-2-psd",
            LodoSources.Of("eq. (2)", "(2)", "3"),
            "G(θ) = α₀(I 0)G̃(θ)ᵀG̃(θ)(I 0)ᵀ is symmetric positive semi-definite for every θ.",
            "α₀ > 0, read as the learning rate it is (\"initial learning rate, default 1.0\"); θ arbitrary (zeros, integers, wide magnitudes), so G̃(θ) may be rank-deficient.",
            [new Symmetric(), new SemiDefinite(positiveAlpha0: true)]);
        yield return new Claim(
            "lodo/eq-2-psd/alpha0-real",
            LodoSources.Of("Algorithm 1, eq. (2)", "(2)", "3"),
            "G(θ) is symmetric positive semi-definite for every θ, with α₀ ∈ ℝ as Algorithm 1 requires it.",
            "Algorithm 1 lists \"α₀ ∈ ℝ\" without a sign; this reading takes it literally. It differs from the main reading only for α₀ < 0, where G = α₀FᵀF is negative semi-definite.",
            [new SemiDefinite(positiveAlpha0: false)]);
    }

    /// <summary>(2N(k + 1) + 2)·2⁻⁵²: the rounding of one entry of G in doubles, relative to its terms.</summary>
    private static double Allowance(NetworkShape shape) => 2 * Eq2Init.ErrorFactor(shape);

    /// <summary>G(θ) = G(θ)ᵀ.</summary>
    internal sealed class Symmetric : Statement<NetworkPointInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Symmetric()
        {
            Name = "symmetric";
            Description = "For arbitrary θ and α₀ > 0: G(θ)_ij = G(θ)_ji for all i, j, each entry e_iᵀG(θ)e_j computed matrix-free as eq. (2) prescribes (so G_ij and G_ji come from different products).";
            Tolerance = "Exact arithmetic decides. Double-only allowance 2(2N(k+1) + 2)·2⁻⁵² of the scale: G_ij and G_ji are each rounded along different paths of 2N layers.";
            MarginUnit = "relative to |α₀|·max_ij (|F|ᵀ|F|)_ij, the size of the terms of G";
            Kind = StatementKind.Identity;
            Domain = NetworkPointInput.Domain(EdgeDoubles.Positive(1e-3, 1e3), [1.0], 1e-3);
        }

        public override Relation<T> Evaluate<T>(NetworkPointInput input)
        {
            var (theta, alpha0) = input.Read<T>();
            Assume.Positive(alpha0, "α₀ > 0");
            var model = input.Shape.Model();
            var g = BlockNetworkFormulas.Dense(model, theta, alpha0);
            var terms = BlockNetworkFormulas.Dense(model, [.. theta.Select(T.Abs)], T.Abs(alpha0));
            return MatrixRelation.Equal(g, g.Transpose(), terms.MaxAbs(), Allowance(input.Shape));
        }

        public override string Explain(NetworkPointInput input) => "G(θ) is not symmetric.";
    }

    /// <summary>Every eigenvalue of G(θ) is ≥ 0: e_m(λ(G)) ≥ 0 for m = 1 … n.</summary>
    internal sealed class SemiDefinite : Statement<NetworkPointInput>
    {
        private readonly bool _positiveAlpha0;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SemiDefinite(bool positiveAlpha0)
        {
            _positiveAlpha0 = positiveAlpha0;
            Name = "positive-semi-definite";
            Description = positiveAlpha0
                ? "For arbitrary θ and α₀ > 0: every eigenvalue of G(θ) is ≥ 0, i.e. e_m(λ(G)) = (−1)^m c_{n−m} ≥ 0 for m = 1…n (c the characteristic polynomial; G is symmetric, so its spectrum is real and this is equivalent)."
                : "For arbitrary θ and α₀ ∈ ±[1e-3, 1e3]: every eigenvalue of G(θ) is ≥ 0 (e_m(λ(G)) ≥ 0 for m = 1…n).";
            Tolerance = "Exact arithmetic decides (e_m from the exact characteristic polynomial of the exact G). Double-only allowance 1e-12 of the scale (n·max|G|)^m: Faddeev–LeVerrier's recursion in doubles on n ≤ 5 loses about 10n·2⁻⁵² of it, and a singular G has e_n = ±rounding.";
            MarginUnit = "−e_m(λ(G)) relative to (n·|α₀|·max_ij(|F|ᵀ|F|)_ij)^m, which bounds the size of e_m's terms";
            Domain = positiveAlpha0
                ? NetworkPointInput.Domain(EdgeDoubles.Positive(1e-3, 1e3), [1.0], 1e-3)
                : NetworkPointInput.Domain(EdgeDoubles.Signed(1e-3, 1e3), [1.0, -1.0], 0);
        }

        public override Relation<T> Evaluate<T>(NetworkPointInput input)
        {
            var (theta, alpha0) = input.Read<T>();
            if (_positiveAlpha0)
                Assume.Positive(alpha0, "α₀ > 0");
            var model = input.Shape.Model();
            var g = BlockNetworkFormulas.Dense(model, theta, alpha0);
            var terms = BlockNetworkFormulas.Dense(model, [.. theta.Select(T.Abs)], T.Abs(alpha0));
            return Relation.All(Spectra.Elementary(g, terms.MaxAbs()).Select(e =>
                Relation.LessOrEqual(-e.Value, T.Of(0), e.Scale, 1e-12).Labelled($"e_{e.M}(λ(G)) ≥ 0")));
        }

        public override string Explain(NetworkPointInput input) => input.Alpha0 < 0
            ? "With α₀ < 0, G = α₀·FᵀF (F = G̃(θ)(I 0)ᵀ) has xᵀGx = α₀‖Fx‖² < 0 for every x outside ker F: negative semi-definite, not PSD."
            : "G(θ) has a negative eigenvalue.";
    }
}
