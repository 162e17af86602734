using Fractions;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;
using Network = Verification.Tests.Properties.Numerics.Lodo.BlockPermutationPreconditionerProperties.Network;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// G(θ) of eq. (2) written once (<see cref="BlockNetworkFormulas"/>): its double instantiation is the reference
/// <see cref="BlockPermutationPreconditioner"/> (same operations in the same order), and its exact instantiation is the
/// dense product α₀FᵀF built independently from the block and permutation matrices.
/// </summary>
public class BlockNetworkFormulaProperties
{
    private const string Replay = "(20261123,11400714819323198485)";

    private static Float64[] InDoubles(Vector<double> v) => [.. v.Select(x => new Float64(x))];

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 40, Replay = Replay)]
    public void Apply_InDoubles_IsTheReferenceBitForBit(Network net)
    {
        var g = net.Build();
        var theta = net.Theta(g);
        var v = net.Vector(1);
        var reference = g.Apply(theta, v);
        var generic = BlockNetworkFormulas.Apply(g, InDoubles(theta), new Float64(net.Alpha0), InDoubles(v));
        // Same products, same order: equal as doubles (up to the sign of a zero).
        for (int i = 0; i < net.N; i++)
            Assert.True(reference[i] == generic[i].Value, $"entry {i}: reference {reference[i]:R}, generic {generic[i].Value:R}");
    }

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 30, Replay = Replay)]
    public void Dense_InDoubles_IsTheReferenceBitForBit(Network net)
    {
        var g = net.Build();
        var theta = net.Theta(g);
        var reference = g.Dense(theta);
        var generic = BlockNetworkFormulas.Dense(g, InDoubles(theta), new Float64(net.Alpha0));
        for (int i = 0; i < net.N; i++)
            for (int j = 0; j < net.N; j++)
                Assert.True(reference[i, j] == generic[i, j].Value, $"({i}, {j}): reference {reference[i, j]:R}, generic {generic[i, j].Value:R}");
    }

    /// <summary>α₀FᵀF with F = ∏_{i=1}^N B_iP_i·(I 0)ᵀ, every factor a dense exact matrix (independent of the matrix-free code).</summary>
    private static ExactMatrix DenseProduct(BlockPermutationPreconditioner g, Vector<double> theta)
    {
        int w = g.Width, k = g.BlockSize, n = g.Dimension;
        var f = ExactMatrix.Build(w, n, (r, c) => r == c ? Fraction.One : Fraction.Zero);
        for (int layer = g.Depth; layer >= 1; layer--)
        {
            int offset = (layer - 1) * w * k;
            var block = ExactMatrix.Build(w, w, (r, c) => r / k == c / k ? ExactDouble.ToFraction(theta[offset + r / k * k * k + r % k * k + c % k]) : Fraction.Zero);
            var p = g.Permutation(layer);
            var perm = ExactMatrix.Build(w, w, (r, c) => p[r] == c ? Fraction.One : Fraction.Zero);
            f = block * (perm * f);
        }
        return ExactDouble.ToFraction(g.Alpha0) * (f.Transpose() * f);
    }

    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 25, Replay = Replay)]
    public void Dense_Exactly_IsAlpha0FTransposeF(Network net)
    {
        var g = net.Build();
        var theta = net.Theta(g);
        var expected = DenseProduct(g, theta);
        var exact = BlockNetworkFormulas.Dense(g, [.. theta.Select(RationalInterval.Exact)], RationalInterval.Exact(net.Alpha0));
        for (int i = 0; i < net.N; i++)
            for (int j = 0; j < net.N; j++)
                Assert.True(exact[i, j].Lower == expected[i, j] && exact[i, j].Upper == expected[i, j], $"({i}, {j}): {exact[i, j]} vs {expected[i, j]}");
    }

    // Exact rationals of 53-bit θ through up to 4 layers are costly: 8 networks.
    [Property(Arbitrary = [typeof(BlockPermutationPreconditionerProperties)], MaxTest = 8, Replay = Replay)]
    public void BilinearGradient_Exactly_BoundsTheReferencesRoundingError(Network net)
    {
        // The reference's reverse mode against the exact derivative: within (2N(k+1) + 4)·2⁻⁵² of the derivative of the
        // form on absolute values (the bound the catalog's alg-1 conformance statement states).
        var g = net.Build();
        var theta = net.Theta(g);
        var (a, u) = (net.Vector(2), net.Vector(3));
        var reference = g.BilinearGradient(theta, a, u);
        RationalInterval[] Exact(IEnumerable<double> xs) => [.. xs.Select(RationalInterval.Exact)];
        var exact = BlockNetworkFormulas.BilinearGradient(g, Exact(theta), RationalInterval.Exact(net.Alpha0), Exact(a), Exact(u));
        var terms = BlockNetworkFormulas.BilinearGradient(g, Exact(theta.Select(Math.Abs)), RationalInterval.Exact(Math.Abs(net.Alpha0)),
            Exact(a.Select(Math.Abs)), Exact(u.Select(Math.Abs)));
        var factor = RationalInterval.Exact((2 * g.Depth * (g.BlockSize + 1) + 4) * Math.ScaleB(1, -52));
        for (int j = 0; j < theta.Count; j++)
        {
            var gap = (RationalInterval.Exact(reference[j]) - exact[j]).Abs();
            Assert.True(gap <= factor * terms[j], $"θ_{j}: |reference − exact| = {gap} > bound {factor * terms[j]}");
        }
    }

    [Fact]
    public void BadInput_IsRejectedWithTheParameterName()
    {
        var g = BlockPermutationPreconditioner.Random(3, 2, 2, 1.0, 5);
        ArgumentAssert.Rejects(() => BlockNetworkFormulas.Apply(g, new Float64[g.ParameterCount - 1], new Float64(1), new Float64[3]),
            "theta", $"theta has length {g.ParameterCount - 1}, expected {g.ParameterCount}");
        ArgumentAssert.Rejects(() => BlockNetworkFormulas.Factor(g, new Float64[g.ParameterCount], new Float64[2]), "v", "v has length 2, expected 3");
    }
}
