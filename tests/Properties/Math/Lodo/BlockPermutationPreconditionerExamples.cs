using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// Eq. (2)'s preconditioner G(θ) = α₀ FᵀF: a null layer is rejected naming which one, and a layer that has the right length
/// but repeats an index is no permutation, each naming <c>permutations</c>; and G is linear in v and in α₀, so scaling v by
/// 2^1023 and α₀ by 2^-1022 doubles G(θ)v exactly, although the block products of 2^1023 (the largest power of two) would
/// overflow if the vector were not carried as ŷ·2^e.
/// </summary>
public class BlockPermutationPreconditionerExamples
{
    [Fact]
    public void Constructor_RejectsALayerOfTheRightLengthThatRepeatsAnIndex() =>
        ArgumentAssert.Rejects(() => new BlockPermutationPreconditioner(2, 2, 2, [[0, 0]], 1.0), "permutations", "must be a permutation of 0..1");

    [Fact]
    public void Apply_AtTheTopOfTheRange_IsExactlyTheScaledValue()
    {
        var tiny = new BlockPermutationPreconditioner(2, 2, 2, [[1, 0]], Math.ScaleB(1.0, -1022));
        var same = new BlockPermutationPreconditioner(2, 2, 2, [[1, 0]], 1.0);
        var theta = Vector<double>.Build.Dense(same.ParameterCount, 1.0);
        var reference = same.Apply(theta, Vector<double>.Build.DenseOfArray([1.0, 1.0]));
        var big = Math.ScaleB(1.0, 1023);
        var scaled = tiny.Apply(theta, Vector<double>.Build.DenseOfArray([big, big]));
        Assert.All(reference, x => Assert.True(double.IsFinite(x) && x != 0));
        for (int j = 0; j < 2; j++)
            Assert.Equal(2 * reference[j], scaled[j]); // exact: only powers of two differ
    }

    [Fact]
    public void NullLayer_IsRejected() =>
        ArgumentAssert.Rejects(() => _ = new BlockPermutationPreconditioner(2, 2, 1, [[1, 0], null!], 0.1),
            "permutations", "[1] is null");
}
