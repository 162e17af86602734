using FsCheck;
using FsCheck.Fluent;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>lodo.md eq. (2), §3: G(θ) = α₀I at orthogonal blocks, and G(θ) symmetric positive semi-definite.</summary>
internal static class Eq2
{
    private const double DoubleTolerance = 1e-12;

    internal static Claim Init() => new(
        "lodo/eq-2-init",
        LodoSources.Of("eq. (2)", "(2)", "3"),
        "By initializing each block matrix in B(θ⁽ⁱ⁾) to a random orthogonal matrix, we ensure that G(θ) = α₀I upon initialization.",
        "For every n, k, depth N, width ñ ≥ n (a multiple of k), permutations P_i and α₀ ∈ ℝ: if every k×k block is orthogonal then G(θ) = α₀I_n exactly. Blocks are exactly orthogonal rationals (Cayley transforms times sign flips), so the exact side has no rounding.",
        [InitEquality()]);

    private static Inequality<BlockNetworkInput> InitEquality() => new()
    {
        Name = "orthogonal-blocks-give-alpha0-identity",
        Description = "For n ∈ 1..5, k ∈ 1..3, N ∈ 1..3, ñ = ⌈n/k⌉k (+k), seeded P_i, α₀ ∈ ±[1e-3, 1e3] ∪ {0}: max_ij |G(θ) − α₀I|_ij = 0.",
        Tolerance = "Double: max |G − α₀I| ≤ 1e-12·|α₀| (θ is the rounding of exactly orthogonal blocks; 2N products of k-term sums stay near 1e-15). Exact arithmetic decides.",
        Relation = Relation.Equal,
        RelativeTolerance = DoubleTolerance,
        Generator = BlockNetworkInput.Generator(EdgeDoubles.Signed(1e-3, 1e3)),
        Edges = () => BlockNetworkInput.Edges(1.0).Concat(BlockNetworkInput.Edges(-0.27)),
        Move = (e, r) => e.Perturb(r),
        Trivially = e => e.Alpha0 == 0 ? "α₀ = 0: G(θ) = 0 = α₀I for every θ" : null,
        Sides = e =>
        {
            var model = e.Model();
            var g = model.Dense(BlockNetworkInput.Vector(BlockNetworkInput.Round(e.OrthogonalTheta())));
            var dev = g - Matrix<double>.Build.DenseIdentity(e.N) * e.Alpha0;
            return new Sides(dev.Enumerate().Max(System.Math.Abs), 0, System.Math.Abs(e.Alpha0));
        },
        ExactSides = (e, _) =>
        {
            var g = ExactBlockNetwork.Dense(e.Model(), e.OrthogonalTheta());
            var dev = g - ExactDouble.ToFraction(e.Alpha0) * ExactMatrix.Identity(e.N);
            return new ExactSides(RationalInterval.Exact(dev.MaxAbs()), RationalInterval.Zero);
        },
        Show = e => e.Describe(),
        Why = _ => "G(θ) differs from α₀I although every block is orthogonal.",
    };

    internal static IEnumerable<Claim> Psd()
    {
        yield return new Claim(
            "lodo/eq-2-psd",
            LodoSources.Of("eq. (2)", "(2)", "3"),
            "G(θ) = α₀(I 0)G̃(θ)ᵀG̃(θ)(I 0)ᵀ is symmetric positive semi-definite for every θ.",
            "α₀ > 0, read as the learning rate it is (\"initial learning rate, default 1.0\"); θ arbitrary (zeros, integers, wide magnitudes), so G̃(θ) may be rank-deficient.",
            [Symmetric(EdgeDoubles.Positive(1e-3, 1e3), 1e-3), SemiDefinite(EdgeDoubles.Positive(1e-3, 1e3), 1e-3)]);
        yield return new Claim(
            "lodo/eq-2-psd/alpha0-real",
            LodoSources.Of("Algorithm 1, eq. (2)", "(2)", "3"),
            "G(θ) is symmetric positive semi-definite for every θ, with α₀ ∈ ℝ as Algorithm 1 requires it.",
            "Algorithm 1 lists \"α₀ ∈ ℝ\" without a sign; this reading takes it literally. It differs from the main reading only for α₀ < 0, where G = α₀FᵀF is negative semi-definite.",
            [SemiDefinite(EdgeDoubles.Signed(1e-3, 1e3), 0)]);
    }

    private static Inequality<BlockNetworkInput> Symmetric(Gen<double> alpha0, double minAlpha0) => new()
    {
        Name = "symmetric",
        Description = "For arbitrary θ: max_ij |G_ij − G_ji| = 0.",
        Tolerance = "Double: ≤ 1e-12·max|G| (G is assembled column by column from matrix-free products, so symmetry holds only up to rounding); exact: 0.",
        Generator = BlockNetworkInput.Generator(alpha0),
        Edges = () => BlockNetworkInput.Edges(1.0),
        Move = (e, r) => e.Perturb(r, minAlpha0),
        Sides = e =>
        {
            var g = e.Model().Dense(BlockNetworkInput.Vector(e.ArbitraryTheta()));
            double scale = System.Math.Max(g.Enumerate().Max(System.Math.Abs), double.Epsilon);
            return new Sides((g - g.Transpose()).Enumerate().Max(System.Math.Abs), DoubleTolerance * scale, scale);
        },
        ExactSides = (e, _) =>
        {
            var g = ExactBlockNetwork.Dense(e.Model(), ExactBlockNetwork.Exact(e.ArbitraryTheta()));
            return new ExactSides(RationalInterval.Exact((g - g.Transpose()).MaxAbs()), RationalInterval.Zero);
        },
        Show = e => e.Describe(),
        Why = _ => "G(θ) is not symmetric.",
    };

    /// <summary>−λ_min(G)/max|G| ≤ 0; certified with the exact Rayleigh quotient at the double eigenvector.</summary>
    private static Inequality<BlockNetworkInput> SemiDefinite(Gen<double> alpha0, double minAlpha0) => new()
    {
        Name = "positive-semi-definite",
        Description = "For arbitrary θ: λ_min(G(θ)) ≥ 0, i.e. xᵀG(θ)x ≥ 0 for all x.",
        Tolerance = "Double: −λ_min ≤ 1e-12·max|G| (a singular G has λ_min = ±rounding). Exact: the Rayleigh quotient xᵀGx/xᵀx at the computed eigenvector x, in rationals; a negative value is a certified witness.",
        Generator = BlockNetworkInput.Generator(alpha0),
        Edges = () => BlockNetworkInput.Edges(1.0).Concat(BlockNetworkInput.Edges(-1.0)).Where(e => e.Alpha0 >= minAlpha0 || minAlpha0 == 0),
        Move = (e, r) => e.Perturb(r, minAlpha0),
        Sides = e =>
        {
            var g = e.Model().Dense(BlockNetworkInput.Vector(e.ArbitraryTheta()));
            double scale = System.Math.Max(g.Enumerate().Max(System.Math.Abs), double.Epsilon);
            var (lambda, _) = MinEigen(g);
            return new Sides(-lambda, DoubleTolerance * scale, scale);
        },
        ExactSides = (e, _) =>
        {
            var model = e.Model();
            var theta = e.ArbitraryTheta();
            var (_, x) = MinEigen(model.Dense(BlockNetworkInput.Vector(theta)));
            var xs = ExactBlockNetwork.Exact(x);
            var q = ExactBlockNetwork.Bilinear(model, ExactBlockNetwork.Exact(theta), xs, xs);
            var norm = xs.Aggregate(Fraction.Zero, (s, v) => s + v * v);
            return new ExactSides(RationalInterval.Exact(-q / norm), RationalInterval.Zero);
        },
        Show = e => e.Describe(),
        Why = e => e.Alpha0 < 0
            ? "With α₀ < 0, G = α₀·FᵀF (F = G̃(θ)(I 0)ᵀ) has xᵀGx = α₀‖Fx‖² < 0 for every x outside ker F: negative definite, not PSD."
            : "G(θ) has a negative eigenvalue.",
    };

    private static (double Lambda, double[] Vector) MinEigen(Matrix<double> g)
    {
        var sym = (g + g.Transpose()) * 0.5;
        var evd = sym.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        int i = 0;
        for (int j = 1; j < evd.EigenValues.Count; j++)
            if (evd.EigenValues[j].Real < evd.EigenValues[i].Real) i = j;
        return (evd.EigenValues[i].Real, evd.EigenVectors.Column(i).ToArray());
    }
}
