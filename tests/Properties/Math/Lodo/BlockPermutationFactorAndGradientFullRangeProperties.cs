using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The factor F·v = G̃(θ)(I 0)ᵀv and the derivative ∂/∂θ (aᵀG(θ)u) of the preconditioner of lodo.md eq. (2),
/// G(θ) = α₀ FᵀF with F = ∏_{i=1}^N B(θ⁽ⁱ⁾)P_i (I 0)ᵀ, over the whole double range (θ, v, a, u and α₀ from subnormals to
/// ±MaxValue, signed zeros), against exact rationals computed here from dense block and permutation matrices: each entry
/// within the bound its doc comment states, or ±∞ of the right sign where the exact value lies beyond ±MaxValue.
/// </summary>
[Properties(MaxTest = 150)] // exact products of 4×4 rational matrices with full-range entries: a few ms a case
public class BlockPermutationFactorAndGradientFullRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>A model with n ≤ 2, k ≤ 2, N ≤ 2 (ñ = the smallest multiple of k above n, plus k), its θ and α₀.</summary>
    private sealed record Case(int N, int K, int Depth, int Seed, double Alpha, int Width, double[] Theta, double[] A, double[] U)
    {
        public BlockPermutationPreconditioner Model() => BlockPermutationPreconditioner.Random(N, K, Depth, Alpha, Seed, Width);

        public override string ToString() =>
            $"n = {N}, k = {K}, N = {Depth}, seed = {Seed}, α₀ = {Alpha:R}, θ = [{Show(Theta)}], a = [{Show(A)}], u = [{Show(U)}]";

        private static string Show(double[] v) => string.Join(", ", v.Select(x => x.ToString("R")));
    }

    private static Arbitrary<Case> Cases() =>
        (from n in Gen.Choose(1, 2)
         from k in Gen.Choose(1, 2)
         from depth in Gen.Choose(1, 2)
         from seed in Gen.Choose(0, 1000)
         from alpha in FullRangeDoubles.Signed
         let width = (n + k - 1) / k * k + k
         from theta in FullRangeDoubles.SignedOrOneScale(depth * width * k)
         from a in FullRangeDoubles.SignedOrOneScale(n)
         from u in FullRangeDoubles.SignedOrOneScale(n)
         select new Case(n, k, depth, seed, alpha, width, theta, a, u)).ToArbitrary();

    /// <summary>B(θ⁽ⁱ⁾) as a dense exact ñ×ñ matrix (block b, row r, column c at θ[offset + b·k² + r·k + c]).</summary>
    private static ExactMatrix Block(Case c, int layer)
    {
        int offset = (layer - 1) * c.Width * c.K;
        return ExactMatrix.Build(c.Width, c.Width, (r, col) =>
            r / c.K == col / c.K ? F(c.Theta[offset + r / c.K * c.K * c.K + r % c.K * c.K + col % c.K]) : Fraction.Zero);
    }

    /// <summary>P_i as a dense matrix: (P_i y)[j] = y[π_i[j]].</summary>
    private static ExactMatrix Permutation(BlockPermutationPreconditioner g, int width, int layer)
    {
        var p = g.Permutation(layer);
        return ExactMatrix.Build(width, width, (r, col) => p[r] == col ? Fraction.One : Fraction.Zero);
    }

    /// <summary>(I 0)ᵀv ∈ ℝ^ñ as an exact column.</summary>
    private static ExactMatrix Embedded(Case c, double[] v) =>
        ExactMatrix.Build(c.Width, 1, (r, _) => r < c.N ? F(v[r]) : Fraction.Zero);

    /// <summary>B_from P_from ⋯ B_to P_to (the identity when from &gt; to): the layers from..to of F, left to right.</summary>
    private static ExactMatrix Layers(Case c, BlockPermutationPreconditioner g, int from, int to)
    {
        var m = ExactMatrix.Identity(c.Width);
        for (int layer = to; layer >= from; layer--)
            m = Block(c, layer) * (Permutation(g, c.Width, layer) * m);
        return m;
    }

    /// <summary>k·max|θ⁽ⁱ⁾|, the bound of ‖B(θ⁽ⁱ⁾)‖∞ this test and the doc comments use.</summary>
    private static Fraction LayerNorm(Case c, int layer) => c.K * Block(c, layer).MaxAbs();

    private static Fraction MaxAbs(double[] v) => v.Select(x => Fraction.Abs(F(x))).Aggregate(Fraction.Zero, (m, x) => x > m ? x : m);

    /// <summary>
    /// Factor(θ, v) against the exact F·v. Tolerance (the doc comment's): each of the N layers is a k-term dot product of
    /// (θ·2^-s)·ŷ per entry, with 2^-s exact, so k roundings a layer, each relative to Σ|B||y| ≤ k·max|θ⁽ⁱ⁾|·max|y|;
    /// composed, (1 + γ_k)^N − 1 ≤ N·k·u·(1 + 8u) for Nk ≤ 4, which the (Nk + 1)·u·∏_i k·max|θ⁽ⁱ⁾|·max|v| covers with room
    /// for the partial products that fall below 2^-1074 of the running maximum (each far below u of the bound); the
    /// final scaling by 2^e rounds only where the entry is subnormal: 2^-1074.
    /// </summary>
    [Property]
    public Property Factor_IsAccurateOrOverflows() => Prop.ForAll(Cases(), c =>
    {
        var g = c.Model();
        var computed = g.Factor(Vector<double>.Build.DenseOfArray(c.Theta), Vector<double>.Build.DenseOfArray(c.A));
        var exact = Layers(c, g, 1, c.Depth) * Embedded(c, c.A);
        var normwise = MaxAbs(c.A);
        for (int layer = 1; layer <= c.Depth; layer++)
            normwise *= LayerNorm(c, layer);
        var bound = (c.Depth * c.K + 1) * Unit * normwise + Tiny;
        var property = (computed.Count == c.Width).Label($"length {computed.Count}, expected ñ = {c.Width}");
        for (int r = 0; r < c.Width; r++)
            property = property.And(WithinOrOverflowing(computed[r], exact[r, 0], bound, $"(Fv)_{r} at {c}"));
        return property;
    });

    /// <summary>
    /// BilinearGradient(θ, a, u) against the exact derivative: with F = L_i B_i R_i (L_i = B_1P_1⋯B_{i−1}P_{i−1},
    /// R_i = P_i B_{i+1}P_{i+1}⋯B_N P_N (I 0)ᵀ), φ = α₀(Fa)ᵀ(Fu) is affine-times-affine in one entry (B_i)_{RC}, so
    /// ∂φ/∂(B_i)_{RC} = α₀[(L_iᵀFu)_R (R_i a)_C + (L_iᵀFa)_R (R_i u)_C] exactly (product rule), with R = bk + r,
    /// C = bk + c for θ's entry (layer i, block b, row r, column c). Tolerance (the doc comment's): on each of the two
    /// products the forward pass to R_i·a takes (N − i)k roundings, F·u takes Nk, α₀· one, the backward pass through
    /// L_iᵀ (i − 1)k, the product one, and the sum one more on both: (2N − 1)k + 3 relative to
    /// 2Q_i = 2|α₀|·k·max|θ⁽ⁱ⁾|·∏_{j≠i}(k·max|θ⁽ʲ⁾|)²·max|a|·max|u|, each term's magnitude bound; one u more covers the
    /// second-order terms ((1 + u)^11 − 1 &lt; 11u(1 + 6u)) and the partial products below 2^-1074 of their running
    /// maximum; the final scaling rounds only where the entry is subnormal: 2^-1074.
    /// </summary>
    [Property]
    public Property BilinearGradient_IsAccurateOrOverflows() => Prop.ForAll(Cases(), c =>
    {
        var g = c.Model();
        var computed = g.BilinearGradient(Vector<double>.Build.DenseOfArray(c.Theta), Vector<double>.Build.DenseOfArray(c.A),
            Vector<double>.Build.DenseOfArray(c.U));
        var all = Layers(c, g, 1, c.Depth);
        var fa = all * Embedded(c, c.A);
        var fu = all * Embedded(c, c.U);
        var alpha = F(c.Alpha);
        var layerNorms = Enumerable.Range(1, c.Depth).Select(layer => LayerNorm(c, layer)).ToArray();
        var property = (computed.Count == g.ParameterCount).Label($"length {computed.Count}, expected {g.ParameterCount}");
        for (int layer = 1; layer <= c.Depth; layer++)
        {
            var leftTransposed = Layers(c, g, 1, layer - 1).Transpose();
            var right = Permutation(g, c.Width, layer) * Layers(c, g, layer + 1, c.Depth);
            var backA = leftTransposed * fu; // ∂φ/∂(B_i R_i a) up to α₀
            var backU = leftTransposed * fa;
            var inA = right * Embedded(c, c.A);
            var inU = right * Embedded(c, c.U);
            var q = Fraction.Abs(alpha) * MaxAbs(c.A) * MaxAbs(c.U) * layerNorms[layer - 1];
            for (int j = 0; j < c.Depth; j++)
                if (j != layer - 1)
                    q *= layerNorms[j] * layerNorms[j];
            var bound = ((2 * c.Depth - 1) * c.K + 4) * Unit * 2 * q + Tiny;
            int offset = (layer - 1) * c.Width * c.K;
            for (int b = 0; b < c.Width / c.K; b++)
                for (int r = 0; r < c.K; r++)
                    for (int col = 0; col < c.K; col++)
                    {
                        int row = b * c.K + r, column = b * c.K + col, index = offset + b * c.K * c.K + r * c.K + col;
                        var exact = alpha * (backA[row, 0] * inA[column, 0] + backU[row, 0] * inU[column, 0]);
                        property = property.And(WithinOrOverflowing(computed[index], exact, bound, $"∂φ/∂θ_{index} (layer {layer}) at {c}"));
                    }
        }
        return property;
    });

    /// <summary>Both functions accept every finite input and reject a non-finite or mis-sized θ, v, a or u, naming it.</summary>
    [Fact]
    public void FactorAndBilinearGradient_RejectNonFiniteAndMisSizedInputs()
    {
        var g = BlockPermutationPreconditioner.Random(2, 2, 1, 1.0, 7);
        var theta = Vector<double>.Build.Dense(g.ParameterCount, 1.0);
        var v = Vector<double>.Build.Dense(2, 1.0);
        var infinite = Vector<double>.Build.DenseOfArray([1.0, double.PositiveInfinity]);
        var badTheta = theta.Clone();
        badTheta[3] = double.NaN;
        ArgumentAssert.Rejects(() => g.Factor(badTheta, v), "theta", "theta[3] must be finite");
        ArgumentAssert.Rejects(() => g.Factor(Vector<double>.Build.Dense(g.ParameterCount + 1, 1.0), v), "theta",
            $"has length {g.ParameterCount + 1}, expected {g.ParameterCount}");
        ArgumentAssert.Rejects(() => g.Factor(theta, infinite), "v", "v[1] must be finite");
        ArgumentAssert.Rejects(() => g.Factor(theta, Vector<double>.Build.Dense(3, 1.0)), "v", "has length 3, expected 2");
        ArgumentAssert.Rejects(() => g.BilinearGradient(badTheta, v, v), "theta", "theta[3] must be finite");
        ArgumentAssert.Rejects(() => g.BilinearGradient(theta, infinite, v), "a", "a[1] must be finite");
        ArgumentAssert.Rejects(() => g.BilinearGradient(theta, v, infinite), "u", "u[1] must be finite");
        ArgumentAssert.Rejects(() => g.BilinearGradient(theta, v, Vector<double>.Build.Dense(1, 1.0)), "u", "has length 1, expected 2");
    }

    /// <summary>
    /// n = k = N = 1, where F·v = θv and ∂(aGu)/∂θ = 2α₀θau by hand: F·v is +∞ for θ = MaxValue, v = 2 and MaxValue for
    /// v = 1; the derivative is +∞ for θ = MaxValue, α₀ = a = u = 1, and exactly 2^-1073 for α₀ = 2^-1074, θ = a = u = 1,
    /// and 2^-973 for α₀ = 2^-1074, θ = 2^1000, a = 2^-1000, u = 2^100 (a normal result reached through a subnormal α₀).
    /// </summary>
    [Fact]
    public void OneByOne_AtTheEndsOfTheRange_IsExact()
    {
        var g = new BlockPermutationPreconditioner(1, 1, 1, [[0]], 1.0);
        var top = Vector<double>.Build.DenseOfArray([double.MaxValue]);
        Assert.Equal(double.PositiveInfinity, g.Factor(top, Vector<double>.Build.DenseOfArray([2.0]))[0]);
        Assert.Equal(double.MaxValue, g.Factor(top, Vector<double>.Build.DenseOfArray([1.0]))[0]);
        var one = Vector<double>.Build.DenseOfArray([1.0]);
        Assert.Equal(double.PositiveInfinity, g.BilinearGradient(top, one, one)[0]);
        var tinyAlpha = new BlockPermutationPreconditioner(1, 1, 1, [[0]], double.Epsilon);
        Assert.Equal(2 * double.Epsilon, tinyAlpha.BilinearGradient(one, one, one)[0]);
        var result = tinyAlpha.BilinearGradient(Vector<double>.Build.DenseOfArray([Math.ScaleB(1, 1000)]),
            Vector<double>.Build.DenseOfArray([Math.ScaleB(1, -1000)]), Vector<double>.Build.DenseOfArray([Math.ScaleB(1, 100)]));
        Assert.Equal(Math.ScaleB(1, -973), result[0]);
    }

    /// <summary>Within the bound of the exact value, or ±∞ of its sign where it may lie beyond ±(MaxValue + ½ulp) by the bound.</summary>
    private static Property WithinOrOverflowing(double computed, Fraction exact, Fraction bound, string what)
    {
        var magnitude = Fraction.Abs(exact);
        bool beyond = magnitude - bound >= ExactAgreement.OverflowThreshold, inside = magnitude + bound < ExactAgreement.OverflowThreshold;
        string label = $"{what}: {computed:R} vs exact {ExactDouble.ToDouble(exact):R}";
        if (double.IsNaN(computed))
            return false.Label(label + " (NaN)");
        if (double.IsInfinity(computed))
            return (!inside && (computed > 0) == (exact.Sign() > 0)).Label(label + " (∞ inside the range or of the wrong sign)");
        if (beyond)
            return false.Label(label + " (finite beyond the range)");
        var error = Fraction.Abs(F(computed) - exact);
        return (error <= bound).Label($"{label}: error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }
}
