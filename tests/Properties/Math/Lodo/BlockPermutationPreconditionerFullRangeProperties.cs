using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The dense G(θ) of lodo.md eq. (2), which the LODO claims evaluate, over the whole double range: every entry against
/// the exact α₀FᵀF (F = ∏_{i=1}^N B(θ⁽ⁱ⁾)P_i·(I 0)ᵀ built here from dense exact block and permutation matrices), within
/// the type's bound for G·v at v = e_j, (2Nk + 2)u·|α₀|·∏_i (k·max|θ⁽ⁱ⁾|)² + 2·2^-1074, or ±∞ of the right sign beyond
/// ±double.MaxValue (either within the bound of the overflow threshold).
/// </summary>
[Properties(MaxTest = 150)]
public class BlockPermutationPreconditionerFullRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Gen<double[]> Entries(int count) => FullRangeDoubles.SignedOrOneScale(count);

    /// <summary>G(θ) for n ≤ 2, k ≤ 2, N ≤ 2 (ñ = the smallest multiple of k above n, plus k), permutations from the seed.</summary>
    [Property]
    public Property Dense_IsAccurateOrOverflows() => Prop.ForAll(
        (from n in Gen.Choose(1, 2)
         from k in Gen.Choose(1, 2)
         from depth in Gen.Choose(1, 2)
         from seed in Gen.Choose(0, 1000)
         from alpha in FullRangeDoubles.Signed
         let width = (n + k - 1) / k * k + k
         from theta in Entries(depth * width * k)
         select (n, k, depth, seed, alpha, width, theta)).ToArbitrary(), c =>
    {
        var g = BlockPermutationPreconditioner.Random(c.n, c.k, c.depth, c.alpha, c.seed, c.width);
        var dense = g.Dense(Vector<double>.Build.DenseOfArray(c.theta));
        var f = ExactMatrix.Build(c.width, c.n, (r, col) => r == col ? Fraction.One : Fraction.Zero);
        var normwise = Fraction.Abs(F(c.alpha));
        for (int layer = c.depth; layer >= 1; layer--)
        {
            int offset = (layer - 1) * c.width * c.k;
            var block = ExactMatrix.Build(c.width, c.width, (r, col) =>
                r / c.k == col / c.k ? F(c.theta[offset + r / c.k * c.k * c.k + r % c.k * c.k + col % c.k]) : Fraction.Zero);
            var p = g.Permutation(layer);
            var permutation = ExactMatrix.Build(c.width, c.width, (r, col) => p[r] == col ? Fraction.One : Fraction.Zero);
            f = block * (permutation * f);
            var layerMax = block.MaxAbs();
            normwise *= c.k * layerMax * c.k * layerMax;
        }
        var exact = F(c.alpha) * (f.Transpose() * f);
        var bound = (2 * c.depth * c.k + 2) * Unit * normwise + 2 * ExactDouble.Pow2(-1074);
        string at = $"n = {c.n}, k = {c.k}, N = {c.depth}, seed = {c.seed}, α₀ = {c.alpha:R}, θ = [{string.Join(", ", c.theta.Select(v => v.ToString("R")))}]";
        var property = true.ToProperty();
        for (int i = 0; i < c.n; i++)
            for (int j = 0; j < c.n; j++)
                property = property.And(Agrees(dense[i, j], exact[i, j], bound, $"G_{i}{j} at {at}"));
        return property;
    });

    /// <summary>Within the bound of the exact value, or ±∞ of its sign where it lies beyond ±(MaxValue + ½ulp) up to the bound.</summary>
    private static Property Agrees(double computed, Fraction exact, Fraction bound, string what)
    {
        var magnitude = Fraction.Abs(exact);
        bool beyond = magnitude - bound >= ExactAgreement.OverflowThreshold, inside = magnitude + bound < ExactAgreement.OverflowThreshold;
        string label = $"{what}: {computed:R} vs exact {ExactDouble.ToDouble(exact):R}";
        if (double.IsNaN(computed))
            return false.Label(label);
        if (double.IsInfinity(computed))
            return (!inside && (computed > 0) == (exact.Sign() > 0)).Label(label + " (∞ inside the range)");
        if (beyond)
            return false.Label(label + " (finite beyond the range)");
        var error = Fraction.Abs(F(computed) - exact);
        return (error <= bound).Label($"{label}: error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }
}
