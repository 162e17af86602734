using Fractions;
using Verification.Math.Exact;
using Verification.Math.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// G(θ) of lodo.md eq. (2) in exact rationals, as a dense product of ñ×ñ matrices (small sizes only): the exact side
/// the eq. (2) claims are certified with. Independent of the matrix-free reference code it checks.
/// </summary>
internal static class ExactBlockNetwork
{
    /// <summary>B(θ⁽ⁱ⁾) dense, 1-based layer.</summary>
    internal static ExactMatrix Block(BlockPermutationPreconditioner g, IReadOnlyList<Fraction> theta, int layer)
    {
        int k = g.BlockSize, w = g.Width, offset = (layer - 1) * w * k;
        return ExactMatrix.Build(w, w, (r, c) =>
            r / k == c / k ? theta[offset + (r / k) * k * k + (r % k) * k + (c % k)] : Fraction.Zero);
    }

    /// <summary>P_i dense: (P y)_j = y_{π(j)}.</summary>
    internal static ExactMatrix Permutation(BlockPermutationPreconditioner g, int layer)
    {
        var p = g.Permutation(layer);
        return ExactMatrix.Build(g.Width, g.Width, (r, c) => p[r] == c ? Fraction.One : Fraction.Zero);
    }

    /// <summary>G̃(θ)(I 0)ᵀ, ñ×n.</summary>
    internal static ExactMatrix Factor(BlockPermutationPreconditioner g, IReadOnlyList<Fraction> theta)
    {
        var m = ExactMatrix.Build(g.Width, g.Dimension, (r, c) => r == c ? Fraction.One : Fraction.Zero);
        for (int i = g.Depth; i >= 1; i--)
            m = Block(g, theta, i) * (Permutation(g, i) * m);
        return m;
    }

    /// <summary>G(θ) = α₀ FᵀF exactly.</summary>
    internal static ExactMatrix Dense(BlockPermutationPreconditioner g, IReadOnlyList<Fraction> theta)
    {
        var f = Factor(g, theta);
        return ExactDouble.ToFraction(g.Alpha0) * (f.Transpose() * f);
    }

    /// <summary>aᵀG(θ)u exactly.</summary>
    internal static Fraction Bilinear(BlockPermutationPreconditioner g, IReadOnlyList<Fraction> theta, IReadOnlyList<Fraction> a, IReadOnlyList<Fraction> u)
    {
        var f = Factor(g, theta);
        var fa = f * ExactMatrix.Column(a);
        var fu = f * ExactMatrix.Column(u);
        return ExactDouble.ToFraction(g.Alpha0) * (fa.Transpose() * fu)[0, 0];
    }

    internal static Fraction[] Exact(IEnumerable<double> xs) => xs.Select(ExactDouble.ToFraction).ToArray();
}
